import { useState } from 'react';
import { acceleratorLabel, acceleratorOf } from '../../../shared/accelerator';
import { useTranslator } from '../hooks/use-translator';
import type { SettingsSectionProps } from '../settings-section';

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$/;

/**
 * The global shortcut that opens and closes the popover: recorded from the keys a person presses, cleared with a
 * button, none by default. Why the OS refused one comes back in the state and is said here.
 */
export function ShortcutRecorder({ state, save }: SettingsSectionProps) {
  const tr = useTranslator();
  const { t, say } = tr;
  const [recording, setRecording] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const platform = state.platform ?? '';
  const current = state.settings.shortcut;
  const modifierWords = platform === 'darwin' ? t('shortcut.modifiersMac') : t('shortcut.modifiersOther');
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!recording) return;
    // Every key while recording is the shortcut's, Escape included: it must not also close the view.
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      setRecording(false);
      setHint(null);
      return;
    }
    if (MODIFIER_CODES.test(event.code)) return;
    const accelerator = acceleratorOf(event, platform);
    if (!accelerator) {
      setHint(t('shortcut.hold', { modifiers: modifierWords }));
      return;
    }
    setRecording(false);
    setHint(null);
    void save({ shortcut: accelerator });
  };
  return (
    <fieldset>
      <legend>{t('shortcut.legend')}</legend>
      <p className="muted" id="shortcut-help">
        {t('shortcut.help')}
      </p>
      <p>
        <span>{t('shortcut.current')}</span>
        <strong id="shortcut-current">
          {current ? acceleratorLabel(current, platform) : t('shortcut.none')}
        </strong>
      </p>
      <div className="actions">
        <button
          type="button"
          aria-pressed={recording}
          aria-describedby="shortcut-help"
          onClick={() => {
            setRecording(!recording);
            setHint(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {recording ? t('shortcut.recording') : t('shortcut.record')}
        </button>
        <button type="button" disabled={!current} onClick={() => void save({ shortcut: null })}>
          {t('shortcut.clear')}
        </button>
      </div>
      {hint ? <p role="status">{hint}</p> : null}
      {state.shortcutProblem ? (
        <p role="alert" className="error-text">
          {say(state.shortcutProblem)}
        </p>
      ) : null}
    </fieldset>
  );
}

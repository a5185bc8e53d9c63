import { useState } from 'react';
import { notSelfUpdating, updateStatusText } from '../../../shared/update-text';
import { checksAutomatically } from '../../../shared/updates';
import { api } from '../api';
import { useMinuteClock } from '../hooks/use-app-state';
import { useTranslator } from '../hooks/use-translator';
import type { SettingsSectionProps } from '../settings-section';

/** The About line, the automatic-check switch, the updater's last word, and the buttons that act on it. */
export function UpdateSettings({ state, save }: SettingsSectionProps) {
  const tr = useTranslator();
  const { t, say } = tr;
  const now = useMinuteClock();
  const [problem, setProblem] = useState<string | null>(null);
  const { updates } = state;
  const notHere = notSelfUpdating(updates.source);
  const elsewhere = notHere ? say(notHere) : null;
  const { status } = updates;
  const busy = status.kind === 'checking' || status.kind === 'downloading';
  const act = async (call: () => ReturnType<ReturnType<typeof api>['updatesCheck']>) => {
    setProblem(null);
    const result = await call();
    if (!result.ok) setProblem(say(result.error.message));
  };
  return (
    <fieldset>
      <legend>{t('settings.updates')}</legend>
      <p className="about">{t('settings.about', { version: updates.version })}</p>
      <label htmlFor="check-updates" className="check">
        <input
          id="check-updates"
          type="checkbox"
          checked={elsewhere === null && checksAutomatically(state.settings.checkForUpdates)}
          disabled={elsewhere !== null}
          aria-describedby="update-status"
          // On is the default: only "off" is written down.
          onChange={(e) => save({ checkForUpdates: e.target.checked ? null : false })}
        />
        <span>{t('settings.checkForUpdates')}</span>
      </label>
      <p id="update-status" className="muted" role="status">
        {elsewhere ?? updateStatusText(tr, status, now)}
      </p>
      {elsewhere === null ? (
        <div className="actions">
          {status.kind === 'ready' ? (
            <button
              type="button"
              className="primary"
              onClick={() => void act(() => api().updatesInstall({}))}
            >
              {t('settings.restartToUpdate')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void act(() => api().updatesCheck({}))}>
              {t('settings.checkNow')}
            </button>
          )}
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="error-text">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}

import { useState } from 'react';
import type { AppState } from '../../../shared/app-state';
import { applyPatch, type SettingsPatch, Settings as SettingsSchema } from '../../../shared/config';
import { issueMessage } from '../../../shared/issue-message';
import { api } from '../api';
import { useTranslator } from '../hooks/use-translator';
import { ChannelsEditor } from './ChannelsEditor';
import { LanguageChoice } from './LanguageChoice';
import { MenuBarSettings } from './MenuBarSettings';
import { ShortcutRecorder } from './ShortcutRecorder';
import { ThresholdsEditor } from './ThresholdsEditor';
import { UpdateSettings } from './UpdateSettings';

export function Settings({ state, onBack }: { state: AppState; onBack: () => void }) {
  const tr = useTranslator();
  const { t, say, formatNumber } = tr;
  const [quiet, setQuiet] = useState({
    start: state.settings.quietHours?.start ?? '',
    end: state.settings.quietHours?.end ?? '',
  });
  const [message, setMessage] = useState<string | null>(null);
  const defaults = state.settings.defaultAlerts ?? {};
  // Quiet hours apply once both ends are typed (or both cleared), like every other setting: when a field is left.
  const saveQuiet = () => {
    const start = quiet.start.trim();
    const end = quiet.end.trim();
    const saved = state.settings.quietHours;
    if (start === (saved?.start ?? '') && end === (saved?.end ?? '')) return;
    if (start === '' && end === '') return save({ quietHours: null });
    if (start === '' || end === '') return;
    return save({ quietHours: { start, end } });
  };
  // Only what changed is sent; main merges it into the settings it owns and validates the result.
  const save = async (patch: SettingsPatch, launchAtLogin?: boolean) => {
    const parsed = SettingsSchema.safeParse(applyPatch(state.settings, patch));
    if (!parsed.success) {
      setMessage(parsed.error.issues[0] ? say(issueMessage(parsed.error.issues[0])) : t('settings.invalid'));
      return null;
    }
    const result = await api().settingsSet({
      patch,
      ...(launchAtLogin !== undefined ? { launchAtLogin } : {}),
    });
    setMessage(result.ok ? t('common.saved') : say(result.error.message));
    return result.ok ? null : say(result.error.message);
  };
  return (
    <section aria-labelledby="settings-title" className="settings">
      <header className="bar">
        <button type="button" onClick={onBack}>
          {t('common.back')}
        </button>
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <ThresholdsEditor
        idPrefix="defaults"
        value={defaults}
        onSave={(defaultAlerts) => save({ defaultAlerts })}
        // A balance level means something only in its account's unit: the defaults are a quota's percents,
        // and a balance level set before stays offered until it is cleared.
        keys={[
          ...(defaults.warnBelow !== undefined ? (['warnBelow'] as const) : []),
          ...(defaults.criticalBelow !== undefined ? (['criticalBelow'] as const) : []),
          'warnPercent',
          'criticalPercent',
          'warnDays',
          'criticalDays',
        ]}
        note={t('settings.levelsNote')}
      >
        <label htmlFor="spend-spikes" className="check">
          <input
            id="spend-spikes"
            type="checkbox"
            checked={state.settings.spendSpikes === true}
            onChange={(e) => save({ spendSpikes: e.target.checked ? true : null })}
          />
          <span>{t('settings.spendSpikes')}</span>
        </label>
      </ThresholdsEditor>
      <ChannelsEditor />
      <fieldset>
        <legend>{t('settings.quiet')}</legend>
        <p className="muted">{t('settings.quietHelp')}</p>
        {/* Typed as 24-hour clock times in every language: the browser's time field follows its own locale, not
            the one the popover speaks, and offered "--:-- --" with AM/PM to a German reader. */}
        {(['start', 'end'] as const).map((end) => (
          <label key={end} htmlFor={`quiet-${end}`} className="field">
            <span>{t(end === 'start' ? 'settings.quietFrom' : 'settings.quietTo')}</span>
            <input
              id={`quiet-${end}`}
              inputMode="numeric"
              placeholder={end === 'start' ? '22:00' : '07:00'}
              maxLength={5}
              value={quiet[end]}
              onChange={(e) => setQuiet({ ...quiet, [end]: e.target.value })}
              onBlur={() => void saveQuiet()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void saveQuiet();
              }}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.display')}</legend>
        <LanguageChoice state={state} save={save} />
        <label htmlFor="number-format" className="field">
          <span>{t('settings.numbers')}</span>
          <select
            id="number-format"
            value={state.settings.numberFormat ?? 'full'}
            onChange={(e) => save({ numberFormat: e.target.value as 'full' | 'compact' })}
          >
            <option value="full">{formatNumber(1840, 'full')}</option>
            <option value="compact">{formatNumber(1840, 'compact')}</option>
          </select>
        </label>
        <label htmlFor="theme" className="field">
          <span>{t('settings.theme')}</span>
          <select
            id="theme"
            value={state.settings.theme ?? 'system'}
            onChange={(e) => save({ theme: e.target.value as 'system' | 'light' | 'dark' })}
          >
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </label>
        <label htmlFor="login" className="check">
          <input
            id="login"
            type="checkbox"
            checked={state.launchAtLogin}
            disabled={!state.launchAtLoginAvailable}
            aria-describedby={state.launchAtLoginAvailable ? undefined : 'login-hint'}
            onChange={(e) => save({}, e.target.checked)}
          />
          <span>{t('settings.login')}</span>
        </label>
        {state.launchAtLoginAvailable ? null : (
          <p id="login-hint" className="muted">
            {t('settings.loginHint')}
          </p>
        )}
      </fieldset>
      <MenuBarSettings state={state} save={save} />
      <ShortcutRecorder state={state} save={save} />
      <fieldset>
        <legend>{t('settings.monitoring')}</legend>
        <label htmlFor="serve-metrics" className="check">
          <input
            id="serve-metrics"
            type="checkbox"
            checked={state.settings.serveMetrics === true}
            aria-describedby="serve-metrics-status"
            onChange={(e) => save({ serveMetrics: e.target.checked ? true : null })}
          />
          <span>{t('settings.metrics')}</span>
        </label>
        <p id="serve-metrics-status" className="muted" role="status">
          {(state.metricsServer?.problem ? say(state.metricsServer.problem) : null) ??
            (state.metricsServer?.base
              ? t('settings.metricsServing', { base: state.metricsServer.base })
              : t('settings.metricsOff'))}
        </p>
      </fieldset>
      <UpdateSettings state={state} save={save} />
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

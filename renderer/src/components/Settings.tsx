import { useState } from 'react';
import type { AppState } from '../../../shared/app-state';
import { applyPatch, type SettingsPatch, Settings as SettingsSchema } from '../../../shared/config';
import { api } from '../api';
import { MenuBarSettings } from './MenuBarSettings';
import { ShortcutRecorder } from './ShortcutRecorder';
import { ThresholdsEditor } from './ThresholdsEditor';

export function Settings({ state, onBack }: { state: AppState; onBack: () => void }) {
  const [quiet, setQuiet] = useState({
    start: state.settings.quietHours?.start ?? '',
    end: state.settings.quietHours?.end ?? '',
  });
  const [message, setMessage] = useState<string | null>(null);
  // Only what changed is sent; main merges it into the settings it owns and validates the result.
  const save = async (patch: SettingsPatch, launchAtLogin?: boolean) => {
    const parsed = SettingsSchema.safeParse(applyPatch(state.settings, patch));
    if (!parsed.success) {
      setMessage(parsed.error.issues[0]?.message ?? 'Invalid setting');
      return null;
    }
    const result = await api().settingsSet({
      patch,
      ...(launchAtLogin !== undefined ? { launchAtLogin } : {}),
    });
    setMessage(result.ok ? 'Saved.' : result.error.message);
    return result.ok ? null : result.error.message;
  };
  return (
    <section aria-labelledby="settings-title" className="settings">
      <header className="bar">
        <button type="button" onClick={onBack}>
          ← Back
        </button>
        <h1 id="settings-title">Settings</h1>
      </header>
      <ThresholdsEditor
        idPrefix="defaults"
        value={state.settings.defaultAlerts ?? {}}
        onSave={(defaultAlerts) => save({ defaultAlerts })}
      />
      <fieldset>
        <legend>Quiet hours</legend>
        <p className="muted">Alerts in this window wait and arrive as one summary when it ends.</p>
        <label htmlFor="quiet-start" className="field">
          <span>From</span>
          <input
            id="quiet-start"
            type="time"
            value={quiet.start}
            onChange={(e) => setQuiet({ ...quiet, start: e.target.value })}
          />
        </label>
        <label htmlFor="quiet-end" className="field">
          <span>To</span>
          <input
            id="quiet-end"
            type="time"
            value={quiet.end}
            onChange={(e) => setQuiet({ ...quiet, end: e.target.value })}
          />
        </label>
        <button type="button" onClick={() => save({ quietHours: quiet.start && quiet.end ? quiet : null })}>
          Save quiet hours
        </button>
      </fieldset>
      <fieldset>
        <legend>Display</legend>
        <label htmlFor="number-format" className="field">
          <span>Numbers</span>
          <select
            id="number-format"
            value={state.settings.numberFormat ?? 'full'}
            onChange={(e) => save({ numberFormat: e.target.value as 'full' | 'compact' })}
          >
            <option value="full">1,840</option>
            <option value="compact">1.8K</option>
          </select>
        </label>
        <label htmlFor="theme" className="field">
          <span>Theme</span>
          <select
            id="theme"
            value={state.settings.theme ?? 'system'}
            onChange={(e) => save({ theme: e.target.value as 'system' | 'light' | 'dark' })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
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
          <span>Launch at login</span>
        </label>
        {state.launchAtLoginAvailable ? null : (
          <p id="login-hint" className="muted">
            Available in the installed app.
          </p>
        )}
      </fieldset>
      <MenuBarSettings state={state} save={save} />
      <ShortcutRecorder state={state} save={save} />
      <fieldset>
        <legend>Monitoring</legend>
        <label htmlFor="serve-metrics" className="check">
          <input
            id="serve-metrics"
            type="checkbox"
            checked={state.settings.serveMetrics === true}
            aria-describedby="serve-metrics-status"
            onChange={(e) => save({ serveMetrics: e.target.checked ? true : null })}
          />
          <span>Serve Prometheus metrics on this computer</span>
        </label>
        <p id="serve-metrics-status" className="muted" role="status">
          {state.metricsServer?.problem ??
            (state.metricsServer?.base
              ? `Serving ${state.metricsServer.base}/metrics, on this computer only`
              : 'Off: as creditbar serve does, the app can serve /metrics on 127.0.0.1:9464')}
        </p>
      </fieldset>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

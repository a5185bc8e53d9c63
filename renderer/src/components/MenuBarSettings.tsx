import type { AppState } from '../../../shared/app-state';
import type { BadgeChoice, SettingsPatch } from '../../../shared/config';
import { sumUnits } from '../../../shared/format';

type Source = NonNullable<BadgeChoice['source']>;

/** What the tray number shows; the tray's menu and tooltip follow the same choice. */
export function MenuBarSettings({
  state,
  save,
}: {
  state: AppState;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const choice = state.settings.badge ?? {};
  const source = choice.source ?? 'worst';
  const units = sumUnits(state.accounts);
  // A field set back to its default is dropped, so the saved choice holds only what differs from the default.
  const change = (patch: Partial<BadgeChoice>) => {
    const next: BadgeChoice = { ...choice, ...patch };
    for (const key of Object.keys(next) as (keyof BadgeChoice)[])
      if (next[key] === undefined) delete next[key];
    return save({ badge: Object.keys(next).length > 0 ? next : null });
  };
  return (
    <fieldset>
      <legend>Menu bar number</legend>
      <label htmlFor="badge-source" className="field">
        <span>Shows</span>
        <select
          id="badge-source"
          value={source}
          onChange={(e) => {
            const next = e.target.value as Source;
            void change({
              source: next === 'worst' ? undefined : next,
              accountId: next === 'pinned' ? (choice.accountId ?? state.accounts[0]?.id) : undefined,
              unit: next === 'sum' ? choice.unit : undefined,
            });
          }}
        >
          <option value="worst">The account most in need</option>
          <option value="pinned" disabled={state.accounts.length === 0}>
            One account
          </option>
          <option value="sum" disabled={units.length === 0}>
            The sum of balances in one unit
          </option>
        </select>
      </label>
      {source === 'pinned' ? (
        <label htmlFor="badge-account" className="field">
          <span>Account</span>
          <select
            id="badge-account"
            value={choice.accountId ?? ''}
            onChange={(e) => void change({ accountId: e.target.value })}
          >
            {state.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {source === 'sum' ? (
        <label htmlFor="badge-unit" className="field">
          <span>Unit</span>
          <select
            id="badge-unit"
            value={choice.unit && units.includes(choice.unit) ? choice.unit : (units[0] ?? '')}
            onChange={(e) => void change({ unit: e.target.value })}
          >
            {units.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label htmlFor="badge-figure" className="field">
          <span>Number</span>
          <select
            id="badge-figure"
            value={choice.figure ?? 'headline'}
            onChange={(e) =>
              void change({
                figure:
                  e.target.value === 'headline' ? undefined : (e.target.value as 'remaining' | 'percent'),
              })
            }
          >
            <option value="headline">Balance, or percent used for quotas</option>
            <option value="remaining">What is left</option>
            <option value="percent">Percent used</option>
          </select>
        </label>
      )}
      {state.platform === 'darwin' ? (
        <label htmlFor="badge-macos" className="field">
          <span>In the menu bar</span>
          <select
            id="badge-macos"
            value={choice.macos ?? 'title'}
            onChange={(e) => void change({ macos: e.target.value === 'icon' ? 'icon' : undefined })}
          >
            <option value="title">Number beside the icon</option>
            <option value="icon">Icon only, number inside</option>
          </select>
        </label>
      ) : null}
    </fieldset>
  );
}

import type { BadgeChoice } from '../../../shared/config';
import { sumUnits } from '../../../shared/format';
import { useTranslator } from '../hooks/use-translator';
import type { SettingsSectionProps } from '../settings-section';

type Source = NonNullable<BadgeChoice['source']>;

/** What the tray number shows; the tray's menu and tooltip follow the same choice. */
export function MenuBarSettings({ state, save }: SettingsSectionProps) {
  const tr = useTranslator();
  const { t, unitLabel } = tr;
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
      <legend>{t('badge.legend')}</legend>
      <label htmlFor="badge-source" className="field">
        <span>{t('badge.shows')}</span>
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
          <option value="worst">{t('badge.source.worst')}</option>
          <option value="pinned" disabled={state.accounts.length === 0}>
            {t('badge.source.pinned')}
          </option>
          <option value="sum" disabled={units.length === 0}>
            {t('badge.source.sum')}
          </option>
        </select>
      </label>
      {source === 'pinned' ? (
        <label htmlFor="badge-account" className="field">
          <span>{t('badge.account')}</span>
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
          <span>{t('badge.unit')}</span>
          <select
            id="badge-unit"
            value={choice.unit && units.includes(choice.unit) ? choice.unit : (units[0] ?? '')}
            onChange={(e) => void change({ unit: e.target.value })}
          >
            {units.map((unit) => (
              <option key={unit} value={unit}>
                {unitLabel(unit)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label htmlFor="badge-figure" className="field">
          <span>{t('badge.figure')}</span>
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
            <option value="headline">{t('badge.figure.headline')}</option>
            <option value="remaining">{t('badge.figure.remaining')}</option>
            <option value="percent">{t('badge.figure.percent')}</option>
          </select>
        </label>
      )}
      {state.platform === 'darwin' ? (
        <label htmlFor="badge-macos" className="field">
          <span>{t('badge.macos')}</span>
          <select
            id="badge-macos"
            value={choice.macos ?? 'title'}
            onChange={(e) => void change({ macos: e.target.value === 'icon' ? 'icon' : undefined })}
          >
            <option value="title">{t('badge.macos.title')}</option>
            <option value="icon">{t('badge.macos.icon')}</option>
          </select>
        </label>
      ) : null}
    </fieldset>
  );
}

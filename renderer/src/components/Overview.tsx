import { type KeyboardEvent, useState } from 'react';
import type { AppState } from '../../../shared/app-state';
import { api } from '../api';
import { useTranslator } from '../hooks/use-translator';
import { sortAccounts, summaryLine } from '../view-model';
import { AccountRow } from './AccountRow';

/** Up and down arrows (and Home, End) move between the account rows; Tab still walks every control. */
function moveBetweenRows(event: KeyboardEvent<HTMLUListElement>): void {
  const rows = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.account-row')];
  const at = rows.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'ArrowDown'
      ? Math.min(rows.length - 1, at + 1)
      : event.key === 'ArrowUp'
        ? Math.max(0, at - 1)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? rows.length - 1
            : null;
  if (next === null || rows.length === 0) return;
  event.preventDefault();
  rows[next]?.focus();
}

export function Overview(props: {
  state: AppState;
  now: number;
  onOpen: (id: string) => void;
  onAdd: () => void;
  onSettings: () => void;
}) {
  const tr = useTranslator();
  const { t } = tr;
  const { state, now } = props;
  const [refreshing, setRefreshing] = useState(false);
  const refreshAll = async () => {
    setRefreshing(true);
    try {
      await api().accountsRefresh({});
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <section aria-labelledby="overview-title">
      <header className="bar">
        <h1 id="overview-title">{t('app.name')}</h1>
        <p className="summary" aria-live="polite">
          {summaryLine(tr, state.accounts)}
          {state.paused ? t('summary.paused') : ''}
        </p>
        <div className="bar-actions">
          <button type="button" onClick={refreshAll} disabled={refreshing} aria-busy={refreshing}>
            {refreshing ? t('overview.refreshing') : t('overview.refreshAll')}
          </button>
          <button type="button" onClick={props.onAdd}>
            {t('overview.add')}
          </button>
          <button type="button" onClick={props.onSettings}>
            {t('overview.settings')}
          </button>
        </div>
      </header>
      {state.notificationsBlocked ? (
        <p className="notice" role="status">
          {t('notice.notificationsBlocked')}
        </p>
      ) : null}
      <ul className="accounts" onKeyDown={moveBetweenRows}>
        {sortAccounts(state.accounts).map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            now={now}
            numberFormat={state.settings.numberFormat}
            onOpen={props.onOpen}
          />
        ))}
      </ul>
    </section>
  );
}

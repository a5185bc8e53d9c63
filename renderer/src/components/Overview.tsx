import { useState } from 'react';
import type { AppState } from '../../../shared/app-state';
import { api } from '../api';
import { sortAccounts, summaryLine } from '../view-model';
import { AccountRow } from './AccountRow';

export function Overview(props: {
  state: AppState;
  now: number;
  onOpen: (id: string) => void;
  onAdd: () => void;
  onSettings: () => void;
}) {
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
        <h1 id="overview-title">Creditbar</h1>
        <p className="summary" aria-live="polite">
          {summaryLine(state.accounts)}
          {state.paused ? ' · paused' : ''}
        </p>
        <div className="bar-actions">
          <button type="button" onClick={refreshAll} disabled={refreshing} aria-busy={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh all'}
          </button>
          <button type="button" onClick={props.onAdd}>
            Add
          </button>
          <button type="button" onClick={props.onSettings}>
            Settings
          </button>
        </div>
      </header>
      <ul className="accounts">
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

import { lazy, type ReactElement, Suspense, useEffect, useState } from 'react';
import { api } from './api';
import { EmptyState } from './components/EmptyState';
import { Overview } from './components/Overview';

// The overview is what a tray click shows: it loads alone. Charts (uPlot) and the forms (zod schemas) come
// in their own chunks when first opened.
const AccountDetail = lazy(() =>
  import('./components/AccountDetail').then((m) => ({ default: m.AccountDetail })),
);
const AccountForm = lazy(() => import('./components/AccountForm').then((m) => ({ default: m.AccountForm })));
const Settings = lazy(() => import('./components/Settings').then((m) => ({ default: m.Settings })));

import { useAppState, useMinuteClock } from './hooks/use-app-state';

type View =
  | { name: 'overview' }
  | { name: 'detail'; id: string }
  | { name: 'add' }
  | { name: 'edit'; id: string }
  | { name: 'settings' };

export function App() {
  const state = useAppState();
  const now = useMinuteClock();
  const [view, setView] = useState<View>({ name: 'overview' });

  useEffect(
    () =>
      api().onNavigateAccount((target) =>
        setView(target === 'settings' ? { name: 'settings' } : { name: 'detail', id: target }),
      ),
    [],
  );

  const theme = state?.settings.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  if (!state) {
    return (
      <main aria-busy="true">
        <p className="muted">Loading…</p>
      </main>
    );
  }
  const overview = () => setView({ name: 'overview' });
  const byId = (id: string) => state.accounts.find((a) => a.id === id) ?? null;
  let content: ReactElement;
  if (view.name === 'add') content = <AccountForm existing={null} onDone={overview} onCancel={overview} />;
  else if (view.name === 'settings') content = <Settings state={state} onBack={overview} />;
  else if (view.name === 'edit' && byId(view.id)) {
    content = (
      <AccountForm
        existing={byId(view.id)}
        onDone={() => setView({ name: 'detail', id: view.id })}
        onCancel={() => setView({ name: 'detail', id: view.id })}
      />
    );
  } else if (view.name === 'detail' && byId(view.id)) {
    const account = byId(view.id) as NonNullable<ReturnType<typeof byId>>;
    content = (
      <AccountDetail
        account={account}
        now={now}
        numberFormat={state.settings.numberFormat}
        onBack={overview}
        onEdit={() => setView({ name: 'edit', id: account.id })}
      />
    );
  } else if (state.accounts.length === 0) content = <EmptyState onAdd={() => setView({ name: 'add' })} />;
  else {
    content = (
      <Overview
        state={state}
        now={now}
        onOpen={(id) => setView({ name: 'detail', id })}
        onAdd={() => setView({ name: 'add' })}
        onSettings={() => setView({ name: 'settings' })}
      />
    );
  }
  return (
    <main>
      <Suspense fallback={<p className="muted">Loading…</p>}>{content}</Suspense>
    </main>
  );
}

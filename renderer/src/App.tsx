import { lazy, type ReactElement, Suspense, useEffect, useRef, useState } from 'react';
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
import { useCatalog } from './hooks/use-catalog';
import { useFitWindow } from './hooks/use-fit-window';
import { TranslatorContext } from './hooks/use-translator';

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
  const mainRef = useRef<HTMLElement>(null);
  useFitWindow(mainRef);

  useEffect(() => {
    const unsubscribe = api().onNavigate((target) =>
      setView(
        target.view === 'settings'
          ? { name: 'settings' }
          : target.view === 'account'
            ? { name: 'detail', id: target.accountId }
            : { name: 'overview' },
      ),
    );
    // Only now can main deliver a navigation it held for a page that did not exist yet.
    void api().popoverReady({});
    return unsubscribe;
  }, []);

  // Escape steps back, and on the overview hides the popover: the one dismissal that works everywhere,
  // including desktops where the window never loses focus (Wayland).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setView((current) => {
        if (current.name === 'edit') return { name: 'detail', id: current.id };
        if (current.name !== 'overview') return { name: 'overview' };
        void api().popoverHide({});
        return current;
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const theme = state?.settings.theme ?? 'system';
  const translator = useCatalog(state ? (state.language ?? 'en') : undefined);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Nothing to say until main's state and its language's catalog are in: a bare page, busy, for a moment.
  if (!state || !translator) return <main ref={mainRef} aria-busy="true" />;
  const overview = () => setView({ name: 'overview' });
  const byId = (id: string) => state.accounts.find((a) => a.id === id) ?? null;
  let content: ReactElement;
  if (view.name === 'add')
    content = (
      <AccountForm existing={null} presets={state?.presets ?? []} onDone={overview} onCancel={overview} />
    );
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
  } else if (state.accounts.length === 0)
    content = (
      <EmptyState
        state={state}
        onAdd={() => setView({ name: 'add' })}
        onSettings={() => setView({ name: 'settings' })}
      />
    );
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
    <main ref={mainRef}>
      {/* A new language redraws every view's words; the view itself (App's state) stays where it was. */}
      <TranslatorContext.Provider value={translator}>
        <Suspense key={translator.language} fallback={<p className="muted">{translator.t('loading')}</p>}>
          {content}
        </Suspense>
      </TranslatorContext.Provider>
    </main>
  );
}

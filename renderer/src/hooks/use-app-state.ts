import { useEffect, useState } from 'react';
import type { AppState } from '../../../shared/app-state';
import { api } from '../api';

/** The state main pushes; the renderer polls nothing itself. */
export function useAppState(): AppState | null {
  const [state, setState] = useState<AppState | null>(null);
  useEffect(() => {
    let live = true;
    const unsubscribe = api().onStateChanged((next) => setState(next));
    void api()
      .stateGet({})
      .then((result) => {
        if (live && result.ok) setState((current) => current ?? result.value);
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return state;
}

/** "3 min ago" needs a clock: it ticks once a minute, and only while the popover is visible. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const sync = () => {
      if (timer) clearInterval(timer);
      timer = null;
      if (document.visibilityState !== 'visible') return;
      setNow(Date.now());
      timer = setInterval(() => setNow(Date.now()), 60_000);
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => {
      if (timer) clearInterval(timer);
      document.removeEventListener('visibilitychange', sync);
    };
  }, []);
  return now;
}

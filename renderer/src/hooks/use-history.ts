import { useEffect, useState } from 'react';
import { api } from '../api';
import type { SeriesPoint } from '../view-model';

/** One account's history for a range, already downsampled by main to about `maxPoints`. */
export function useHistory(
  accountId: string,
  rangeMs: number,
  maxPoints: number,
  refreshKey: string | null,
): SeriesPoint[] | null {
  const [points, setPoints] = useState<SeriesPoint[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey (the last fetch time) asks again after each poll.
  useEffect(() => {
    let live = true;
    const to = Date.now();
    void api()
      .historyGet({ accountId, from: to - rangeMs, to, maxPoints })
      .then((result) => {
        if (live) setPoints(result.ok ? result.value : []);
      });
    return () => {
      live = false;
    };
  }, [accountId, rangeMs, maxPoints, refreshKey]);
  return points;
}

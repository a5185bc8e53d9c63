import type { Account } from '../../../shared/config';
import type { HistoryPoint, Snapshot } from '../../../shared/model';
import { balanceThresholds, quotaThresholds, runwayThresholds } from '../../../shared/thresholds';
import { detectTopUps } from '../../../shared/top-ups';
import {
  type BalancePoint,
  BUSIEST_WINDOW_MS,
  burnRatePerMs,
  FORECAST_WINDOW_MS,
  type Forecast,
  forecastBalance,
  headroomToNextLevel,
  msToNextCrossing,
  projectPercentAtEnd,
  spendCurve,
} from './forecast';
import { type SpendSpike, spendByDay, spendSpike } from './spend-spike';

const DAY_MS = 86_400_000;

/** How far back the last top-up is looked for: a prepaid meter measures from a purchase up to a quarter ago. */
export const TOP_UP_LOOKBACK_MS = 90 * DAY_MS;

/**
 * How far back `outlookFor` needs the history: the burn rate's window, and the busiest-spending one. Older points
 * change nothing but how long ago the value last moved, and that only matters up to a couple of hours.
 */
export const OUTLOOK_WINDOW_MS = Math.max(FORECAST_WINDOW_MS, BUSIEST_WINDOW_MS, TOP_UP_LOOKBACK_MS);

export interface Outlook {
  forecast: Forecast;
  /** For the scheduler: when the next alert level is expected to be crossed. */
  msToNextCrossing: number | null;
  /** For the scheduler: how long the headline number has not moved. */
  msSinceChange: number | null;
  /**
   * For the scheduler, per series (balance, quota) in its own unit: how far the value is from its next level, and
   * what was spent by each moment of the last week (null: too little history to say).
   */
  risks: { headroom: number; spent: BalancePoint[] | null }[];
  /** Today's spend when it is a spike against the two weeks before (spend-spike.ts); null when it is not. */
  spike: SpendSpike | null;
}

function series(points: readonly HistoryPoint[], pick: (p: HistoryPoint) => number | null): BalancePoint[] {
  const out: BalancePoint[] = [];
  for (const p of points) {
    const value = pick(p);
    if (value !== null) out.push({ t: p.t, value });
  }
  return out;
}

function sinceChange(values: readonly BalancePoint[], now: number): number | null {
  const last = values[values.length - 1];
  if (!last) return null;
  let i = values.length - 1;
  while (i > 0 && (values[i - 1] as BalancePoint).value === last.value) i--;
  return now - (values[i] as BalancePoint).t;
}

/** Forecast and scheduling hints for one account from its history (which already holds the latest point). */
export function outlookFor(
  account: Account,
  snapshot: Snapshot,
  points: readonly HistoryPoint[],
  now: number,
): Outlook {
  const a = account.alerts ?? {};
  const balance = series(points, (p) => p.remaining);
  const percent = series(points, (p) => p.maxPercent);
  const forecast = forecastBalance(balance, snapshot.remaining, now);
  const crossings: number[] = [];
  const risks: Outlook['risks'] = [];
  if (snapshot.remaining !== null) {
    const rate = burnRatePerMs(balance, now);
    const set = balanceThresholds(a);
    const levels = set.map((th) => th.value);
    // With no level of their own set, the runway's levels stand in: a week and two days at this rate.
    if (set.length === 1 && rate !== null) {
      levels.push(...runwayThresholds(a).map((th) => rate * th.value * DAY_MS));
    }
    const ms = msToNextCrossing(snapshot.remaining, rate, levels);
    if (ms !== null) crossings.push(ms);
    const headroom = headroomToNextLevel(snapshot.remaining, levels);
    if (headroom !== null) risks.push({ headroom, spent: spendCurve(balance, now) });
  }
  const currentPercent = percent[percent.length - 1]?.value;
  if (currentPercent !== undefined) {
    const mirrored = percent.map((p) => ({ t: p.t, value: -p.value }));
    const levels = quotaThresholds(a).map((th) => -th.value);
    const ms = msToNextCrossing(-currentPercent, burnRatePerMs(mirrored, now), levels);
    if (ms !== null) crossings.push(ms);
    const headroom = headroomToNextLevel(-currentPercent, levels);
    if (headroom !== null) risks.push({ headroom, spent: spendCurve(mirrored, now) });
  }
  const periodEnd = snapshot.extras.period ? Date.parse(snapshot.extras.period.end) : null;
  const topUp = snapshot.remaining === null ? undefined : detectTopUps(points).at(-1);
  return {
    forecast: {
      ...forecast,
      quotaPercentAtEnd: projectPercentAtEnd(percent, periodEnd, now),
      lastTopUp: topUp ? { at: new Date(topUp.t).toISOString(), after: topUp.after } : null,
    },
    msToNextCrossing: crossings.length ? Math.min(...crossings) : null,
    msSinceChange: sinceChange(balance.length ? balance : percent, now),
    risks,
    spike: spendSpike(spendByDay(points, snapshot.extras.costDays), now),
  };
}

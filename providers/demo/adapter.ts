import type { ProviderAdapter } from '../../main/core/providers/adapter';
import { startOfMonthUtc } from '../../main/core/providers/adapter';
import type { HistoryPoint, Snapshot, UsagePoint } from '../../shared/model';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START_BALANCE = 4000;
const TOP_UP = 2500;
const TOP_UP_DAY = 12;
const QUOTA_INCLUDED = 60_000;
const CALLS_PER_CREDIT = 10;

/** A stable number from the account id, so two demo accounts differ but each is the same every run. */
export function demoSeed(id: string): number {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

/** Busy from 08:00 to 20:00 UTC (weight 2), quiet at night (0.5): a daily rhythm a person recognises. */
function hourWeight(hourOfDay: number): number {
  return hourOfDay >= 8 && hourOfDay < 20 ? 2 : 0.5;
}
const DAY_WEIGHT = 12 * 2 + 12 * 0.5;

function dailyBurn(seed: number): number {
  return 140 + (seed % 80);
}

/** Credits used from the start of `t`'s month to `t`, following the daily rhythm. */
function usedSinceMonthStart(t: number, seed: number): number {
  const monthStart = startOfMonthUtc(new Date(t)).getTime();
  const perWeight = dailyBurn(seed) / DAY_WEIGHT;
  let used = 0;
  for (let hourStart = monthStart; hourStart < t; hourStart += HOUR) {
    const span = Math.min(HOUR, t - hourStart);
    used += perWeight * hourWeight(new Date(hourStart).getUTCHours()) * (span / HOUR);
  }
  return used;
}

/** The simulated balance at any moment: a monthly allowance, steady use, and a top-up on the 13th. */
export function demoBalanceAt(t: number, seed: number): number {
  const monthStart = startOfMonthUtc(new Date(t)).getTime();
  const toppedUp = t >= monthStart + TOP_UP_DAY * DAY ? TOP_UP : 0;
  return Math.round((START_BALANCE + toppedUp - usedSinceMonthStart(t, seed)) * 100) / 100;
}

export interface DemoRaw {
  seed: number;
}

export const demo: ProviderAdapter<DemoRaw> = {
  id: 'demo',
  async fetch({ account }) {
    return { seed: demoSeed(account.id) };
  },
  normalize({ seed }, now): Snapshot {
    const t = now.getTime();
    const used = usedSinceMonthStart(t, seed);
    const calls = Math.round(used * CALLS_PER_CREDIT);
    const monthStart = startOfMonthUtc(now);
    const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1000);
    const usage: UsagePoint[] = [];
    for (let d = 1; d <= 14; d++) {
      const dayStart = Math.floor(t / DAY) * DAY - d * DAY;
      usage.push({ at: new Date(dayStart).toISOString(), used: Math.round(dailyBurn(seed)) });
    }
    return {
      remaining: demoBalanceAt(t, seed),
      unit: 'credits',
      quotas: [
        {
          metric: 'apiCalls',
          name: 'API calls',
          used: calls,
          included: QUOTA_INCLUDED,
          unit: 'requests',
          percentUsed: (calls / QUOTA_INCLUDED) * 100,
        },
      ],
      usedThisPeriod: Math.round(used),
      usage,
      fetchedAt: now.toISOString(),
      extras: {
        purchases:
          t >= monthStart.getTime() + TOP_UP_DAY * DAY
            ? [{ at: new Date(monthStart.getTime() + TOP_UP_DAY * DAY).toISOString(), credits: TOP_UP }]
            : [],
        autoReload: { enabled: false, thresholdCredits: null, reloadAmount: null, lastReloadAt: null },
        period: { start: monthStart.toISOString(), end: monthEnd.toISOString() },
        plan: 'Demo',
      },
    };
  },
  initialHistory: (accountId, now) => demoHistory(accountId, now),
};

/** A year of simulated history (hourly for 30 days, daily before), so the demo's charts have something to show. */
export function demoHistory(id: string, now: number): HistoryPoint[] {
  const seed = demoSeed(id);
  const points: HistoryPoint[] = [];
  const point = (t: number): HistoryPoint => {
    const used = usedSinceMonthStart(t, seed);
    return {
      t,
      remaining: demoBalanceAt(t, seed),
      used: Math.round(used),
      maxPercent: ((used * CALLS_PER_CREDIT) / QUOTA_INCLUDED) * 100,
    };
  };
  const hourlyFrom = Math.floor(now / HOUR) * HOUR - 30 * DAY;
  for (let t = Math.floor(now / DAY) * DAY - 365 * DAY; t < hourlyFrom; t += DAY) points.push(point(t));
  for (let t = hourlyFrom; t < now; t += HOUR) points.push(point(t));
  return points;
}

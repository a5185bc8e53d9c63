import type { Account } from '../shared/config';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A small seeded generator (mulberry32): every run of the bench replays the same traces. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the provider would answer at time t (ms from the trace start). */
export interface Trace {
  name: string;
  days: number;
  account: Account;
  /** Prepaid balance at t, or null for a quota-only account. */
  balance(t: number): number | null;
  /** Highest quota percent used at t, or null for a prepaid account. */
  percent(t: number): number | null;
  /** When the provider answers 429, and until when it asks to wait (Retry-After). */
  rateLimitedUntil(t: number): number | null;
}

/** Cumulative use sampled once a minute from a per-minute rate, so the balance is a pure function of t. */
function integrate(days: number, ratePerMinute: (minute: number) => number): Float64Array {
  const minutes = days * 24 * 60 + 1;
  const used = new Float64Array(minutes);
  for (let m = 1; m < minutes; m++) used[m] = (used[m - 1] as number) + ratePerMinute(m - 1);
  return used;
}

function at(series: Float64Array, t: number): number {
  const m = Math.min(series.length - 1, Math.max(0, Math.floor(t / MINUTE)));
  return series[m] as number;
}

const prepaid = (id: string, warnBelow: number, criticalBelow: number): Account => ({
  id,
  provider: 'happenstance',
  label: id,
  alerts: { warnBelow, criticalBelow },
});

export function makeTraces(seed: number): Trace[] {
  const random = seeded(seed);
  const noise = () => 0.6 + 0.8 * random();
  const days = 30;

  // 1. Steady: about 250 a day, every minute alike but for noise.
  const steadyUse = integrate(days, () => (250 / 1440) * noise());
  // 2. Bursty: busy working hours on weekdays, quiet nights and weekends.
  const burstyUse = integrate(days, (m) => {
    const hour = Math.floor(m / 60) % 24;
    const weekday = Math.floor(m / 1440) % 7 < 5;
    const busy = weekday && hour >= 9 && hour < 18;
    return (busy ? 1.2 : 0.05) * noise();
  });
  // 3. Idle for three weeks, then a project starts burning 1 000 a day.
  const idleUse = integrate(days, (m) => (m < 21 * 1440 ? 0 : (1000 / 1440) * noise()));
  // 4. A top-up: the steady burn, with 3 000 bought on day 12.
  const topUpUse = integrate(days, () => (300 / 1440) * noise());
  // 6. Steady burn with an hour of 429s on day 5.
  const limitedUse = integrate(days, () => (250 / 1440) * noise());
  // 5. A monthly quota (API calls) that resets on day 15; percent used follows a daily rhythm.
  const quotaUse = integrate(days, (m) => {
    const hour = Math.floor(m / 60) % 24;
    return (hour >= 8 && hour < 20 ? 0.0075 : 0.0015) * noise();
  });

  const none = () => null;
  return [
    {
      name: 'steady burn',
      days,
      account: prepaid('steady', 2000, 500),
      balance: (t) => 6000 - at(steadyUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'bursty burn',
      days,
      account: prepaid('bursty', 2000, 500),
      balance: (t) => 6000 - at(burstyUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'idle, then busy',
      days,
      account: prepaid('idle', 2000, 500),
      balance: (t) => 5000 - at(idleUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'top-up',
      days,
      account: prepaid('topup', 2000, 500),
      balance: (t) => 5000 - at(topUpUse, t) + (t >= 12 * DAY ? 3000 : 0),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'monthly quota',
      days,
      account: { id: 'quota', provider: 'metered-billing', label: 'quota', baseUrl: 'https://x.example' },
      balance: none,
      percent: (t) => {
        const resetAt = 15 * DAY;
        const used = t < resetAt ? at(quotaUse, t) : at(quotaUse, t) - at(quotaUse, resetAt);
        return Math.min(150, (used * 100) / 100);
      },
      rateLimitedUntil: none,
    },
    {
      name: '429 for an hour',
      days,
      account: prepaid('limited', 2000, 500),
      balance: (t) => 6000 - at(limitedUse, t),
      percent: none,
      rateLimitedUntil: (t) => {
        const from = 5 * DAY + 10 * HOUR;
        return t >= from && t < from + HOUR ? from + HOUR : null;
      },
    },
  ];
}

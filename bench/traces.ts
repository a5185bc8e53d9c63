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
  /** A limit that depends on the requests made (shared with other accounts): a fresh one per simulation. */
  newRateLimiter?(): (t: number) => number | null;
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

  // 7. A sudden burst: the steady burn, then on day 10 at 14:00 forty times that for six hours.
  const burstStart = 10 * 1440 + 14 * 60;
  const suddenUse = integrate(
    days,
    (m) => (m >= burstStart && m < burstStart + 360 ? 40 : 1) * (250 / 1440) * noise(),
  );
  // 8. A month untouched, then a little use on the last day.
  const untouchedUse = integrate(days, (m) => (m < 29 * 1440 ? 0 : (200 / 1440) * noise()));
  // 9. A weekly rhythm: a batch job every Monday 02:00–04:00 spends 900; 20 a day otherwise.
  const weeklyUse = integrate(days, (m) => {
    const day = Math.floor(m / 1440) % 7;
    const hour = Math.floor(m / 60) % 24;
    return (day === 0 && hour >= 2 && hour < 4 ? 900 / 120 : 20 / 1440) * noise();
  });
  // 10. A slow drip: 15 a day, just above the warning level.
  const dripUse = integrate(days, () => (15 / 1440) * noise());
  // 11. A quota whose use speeds up late in its period: the rate grows with the square of the day.
  const lateQuotaUse = integrate(days, (m) => 0.00012 * (m / 1440) ** 2 * noise());
  // 12. Steady burn on a provider whose rate limit the person's other accounts share: more than 10 requests in an
  // hour from this one, and the provider answers 429 with a 20-minute Retry-After.
  const sharedUse = integrate(days, () => (250 / 1440) * noise());

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
    {
      name: 'sudden burst',
      days,
      account: prepaid('burst', 2000, 500),
      balance: (t) => 6000 - at(suddenUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'month untouched',
      days,
      account: prepaid('untouched', 2000, 500),
      balance: (t) => 3000 - at(untouchedUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'weekly rhythm',
      days,
      account: prepaid('weekly', 2000, 500),
      balance: (t) => 4500 - at(weeklyUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'slow drip',
      days,
      account: prepaid('drip', 2000, 500),
      balance: (t) => 2300 - at(dripUse, t),
      percent: none,
      rateLimitedUntil: none,
    },
    {
      name: 'quota, late rush',
      days,
      account: { id: 'late', provider: 'metered-billing', label: 'late', baseUrl: 'https://x.example' },
      balance: none,
      percent: (t) => Math.min(150, at(lateQuotaUse, t)),
      rateLimitedUntil: none,
    },
    {
      name: 'shared rate limit',
      days,
      account: prepaid('shared', 2000, 500),
      balance: (t) => 6000 - at(sharedUse, t),
      percent: none,
      rateLimitedUntil: none,
      newRateLimiter: () => sharedRateLimit(10, 20 * MINUTE),
    },
  ];
}

/**
 * A rate limit shared with other accounts: the provider lets this account make `perHour` requests in any hour
 * (the rest of the allowance is the other accounts'), and answers the next with 429 and a Retry-After. Stateful:
 * the simulation calls it once per request, in time order.
 */
function sharedRateLimit(perHour: number, retryAfter: number): (t: number) => number | null {
  const recent: number[] = [];
  let blockedUntil = -1;
  return (t) => {
    if (t < blockedUntil) return blockedUntil;
    while (recent.length > 0 && (recent[0] as number) <= t - HOUR) recent.shift();
    if (recent.length >= perHour) {
      blockedUntil = t + retryAfter;
      return blockedUntil;
    }
    recent.push(t);
    return null;
  };
}

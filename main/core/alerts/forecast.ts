const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const FORECAST_WINDOW_MS = 14 * DAY_MS;
/** Yesterday counts about twice as much as four days ago: recent habits predict tomorrow best. */
export const FORECAST_HALF_LIFE_MS = 3 * DAY_MS;
const MIN_SPAN_MS = HOUR_MS;
const MIN_POINTS = 3;

export interface BalancePoint {
  t: number;
  value: number;
}

export interface Forecast {
  /** Credits per day, from decreases only; null when there is too little data to say. */
  burnPerDay: number | null;
  /** Days until zero at that rate; null when unknown or when nothing is being spent. */
  daysLeft: number | null;
  emptyAt: string | null;
  /** Highest quota's percent expected at the end of its period; null when unknown or no quota. */
  quotaPercentAtEnd: number | null;
  /**
   * The last top-up the balance's readings show (shared/top-ups.ts): when, and the balance just after it, the
   * full mark of a prepaid account's "percent left" meter. Absent where no history was read.
   */
  lastTopUp?: { at: string; after: number } | null;
}

const UNKNOWN: Forecast = { burnPerDay: null, daysLeft: null, emptyAt: null, quotaPercentAtEnd: null };

/**
 * Burn rate over the recent window, each interval weighted by how recent it is. Rises (top-ups) are left out,
 * interval and all, so buying credit never looks like negative spending.
 */
export function burnRatePerMs(points: readonly BalancePoint[], now: number): number | null {
  const recent = points.filter((p) => p.t > now - FORECAST_WINDOW_MS && p.t <= now);
  if (recent.length < MIN_POINTS) return null;
  const first = recent[0] as BalancePoint;
  const last = recent[recent.length - 1] as BalancePoint;
  if (last.t - first.t < MIN_SPAN_MS) return null;
  let spent = 0;
  let time = 0;
  for (let i = 1; i < recent.length; i++) {
    const a = recent[i - 1] as BalancePoint;
    const b = recent[i] as BalancePoint;
    const dt = b.t - a.t;
    if (dt <= 0 || b.value > a.value) continue;
    const weight = 0.5 ** ((now - b.t) / FORECAST_HALF_LIFE_MS);
    spent += weight * (a.value - b.value);
    time += weight * dt;
  }
  if (time === 0) return null;
  return spent / time;
}

export function forecastBalance(
  points: readonly BalancePoint[],
  remaining: number | null,
  now: number,
): Forecast {
  if (remaining === null) return UNKNOWN;
  const rate = burnRatePerMs(points, now);
  if (rate === null) return UNKNOWN;
  const burnPerDay = rate * DAY_MS;
  if (rate <= 0) return { ...UNKNOWN, burnPerDay };
  const msLeft = Math.max(0, remaining) / rate;
  return { ...UNKNOWN, burnPerDay, daysLeft: msLeft / DAY_MS, emptyAt: new Date(now + msLeft).toISOString() };
}

/** Percent of a quota expected at the period's end, at the recent pace; null when unknown. */
export function projectPercentAtEnd(
  points: readonly BalancePoint[],
  periodEnd: number | null,
  now: number,
): number | null {
  if (periodEnd === null || points.length === 0) return null;
  // Percent used rises as the balance of a quota falls: reuse the burn rate on its mirror image.
  const mirrored = points.map((p) => ({ t: p.t, value: -p.value }));
  const rate = burnRatePerMs(mirrored, now);
  const current = (points[points.length - 1] as BalancePoint).value;
  if (rate === null) return null;
  return current + rate * Math.max(0, periodEnd - now);
}

/** ms until `value`, falling at `ratePerMs`, reaches the highest of `levels` below it; null when none will. */
/** How far back the busiest spending is looked for: a week and a day, so last week's same hour is still in it. */
export const BUSIEST_WINDOW_MS = 8 * DAY_MS;

/**
 * What was spent by each moment of the last week, from the value's falls (rises, top-ups, count as nothing): a
 * rising curve the scheduler reads "the most ever spent in a window this long" from. Null with fewer than two
 * points, where nothing can be said yet.
 */
export function spendCurve(points: readonly BalancePoint[], now: number): BalancePoint[] | null {
  const recent = points.filter((p) => p.t > now - BUSIEST_WINDOW_MS && p.t <= now);
  if (recent.length < 2) return null;
  const curve: BalancePoint[] = [{ t: (recent[0] as BalancePoint).t, value: 0 }];
  for (let i = 1; i < recent.length; i++) {
    const a = recent[i - 1] as BalancePoint;
    const b = recent[i] as BalancePoint;
    const last = curve[curve.length - 1] as BalancePoint;
    curve.push({ t: b.t, value: last.value + Math.max(0, a.value - b.value) });
  }
  return curve;
}

/** The distance from a value down to the nearest level below it; null when no level is below. */
export function headroomToNextLevel(value: number, levels: readonly number[]): number | null {
  const below = levels.filter((level) => level < value);
  return below.length === 0 ? null : value - Math.max(...below);
}

export function msToNextCrossing(
  value: number,
  ratePerMs: number | null,
  levels: readonly number[],
): number | null {
  if (ratePerMs === null || ratePerMs <= 0) return null;
  const headroom = headroomToNextLevel(value, levels);
  return headroom === null ? null : headroom / ratePerMs;
}

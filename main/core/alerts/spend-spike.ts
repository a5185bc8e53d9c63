import type { CostDay } from '../../../shared/ledger';
import type { HistoryPoint } from '../../../shared/model';

/** A day's spend past this many times the usual is a spike. */
export const SPIKE_FACTOR = 3;
/** The usual is the median of this many days before today... */
export const SPIKE_BASELINE_DAYS = 14;
/** ...of which at least this many must be known, so a first week's noise is not called a spike. */
const SPIKE_MIN_DAYS = 7;

export interface SpendSpike {
  /** What today (UTC) has cost so far. */
  spent: number;
  /** The median day of the two weeks before. */
  median: number;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What each UTC day cost: a cost report's own days where there are any (exact), else the balance's falls between
 * readings (a rise, a top-up, spends nothing).
 */
export function spendByDay(
  points: readonly HistoryPoint[],
  costDays?: readonly CostDay[],
): Map<string, number> {
  const days = new Map<string, number>();
  if (costDays && costDays.length > 0) {
    for (const d of costDays) days.set(d.day, Number(d.amount));
    return days;
  }
  let last: number | null = null;
  for (const p of points) {
    if (p.remaining === null) continue;
    const day = utcDay(p.t);
    days.set(day, (days.get(day) ?? 0) + (last !== null ? Math.max(0, last - p.remaining) : 0));
    last = p.remaining;
  }
  return days;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Today's spend when it is over three times the median day of the two weeks before (with at least a week of them
 * known, and a usual day that spends something); null otherwise.
 */
export function spendSpike(byDay: ReadonlyMap<string, number>, now: number): SpendSpike | null {
  const today = utcDay(now);
  const spent = byDay.get(today);
  if (spent === undefined) return null;
  const before: number[] = [];
  for (let i = 1; i <= SPIKE_BASELINE_DAYS; i++) {
    const value = byDay.get(utcDay(now - i * 86_400_000));
    if (value !== undefined) before.push(value);
  }
  if (before.length < SPIKE_MIN_DAYS) return null;
  const usual = median(before);
  return usual > 0 && spent > SPIKE_FACTOR * usual ? { spent, median: usual } : null;
}

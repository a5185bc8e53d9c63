import type { CostDay, LedgerEntry } from '../../../shared/ledger';
import { dayStartMs, latestStatement, utcDay } from './estimate';
import { decimalOf, decimalText, ZERO } from './money';

const DAY_MS = 86_400_000;

/**
 * Days read again on every poll, today included: costs land late and yesterday's total can still change, so
 * these are replaced, never added to.
 */
export const REREAD_DAYS = 3;

/** Days of costs kept before today: enough for a spike to be judged against the two weeks before it. */
export const SPEND_HISTORY_DAYS = 14;

/**
 * The first UTC day whose costs the account needs: the day its balance was stated, the first of this month (for
 * the month's spend) or two weeks ago (the spend-spike baseline), whichever is earliest.
 */
export function costsNeededFrom(entries: readonly LedgerEntry[], now: Date): string {
  const today = dayStartMs(utcDay(now.getTime()));
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const statement = latestStatement(entries);
  const stated = statement ? dayStartMs(utcDay(Date.parse(statement.at))) : today;
  return utcDay(Math.min(stated, monthStart, today - SPEND_HISTORY_DAYS * DAY_MS));
}

/**
 * Where this poll starts reading: when the days already known reach back to the day needed, only the last
 * three days (from the last known one, if the app was off for longer); otherwise every day needed.
 */
export function costFetchFrom(needed: string, known: readonly CostDay[], now: Date): string {
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last || first.day > needed) return needed;
  const today = dayStartMs(utcDay(now.getTime()));
  const lastKnown = Math.min(dayStartMs(last.day), today);
  const from = utcDay(lastKnown - (REREAD_DAYS - 1) * DAY_MS);
  return from > needed ? from : needed;
}

/** The days known before `from`, then what was just read from it on (replacing), from `needed` on, oldest first. */
export function mergeCostDays(
  known: readonly CostDay[],
  fresh: readonly CostDay[],
  from: string,
  needed: string,
): CostDay[] {
  const byDay = new Map<string, CostDay>();
  for (const d of known) if (d.day >= needed && d.day < from) byDay.set(d.day, d);
  for (const d of fresh) if (d.day >= needed) byDay.set(d.day, d);
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** What one poll of a ledger account reads: from which day, given the days known and the days needed. */
export interface CostPlan {
  needed: string;
  from: string;
  known: readonly CostDay[];
}

export function planCosts(entries: readonly LedgerEntry[], known: readonly CostDay[], now: Date): CostPlan {
  const needed = costsNeededFrom(entries, now);
  return { needed, from: costFetchFrom(needed, known, now), known };
}

/**
 * A running total of spend (a custom endpoint read with `spent`) made cost days: its growth since the last reading
 * is added to today's. A total that fell started again (a new month), so all of it is new. The first reading
 * adds nothing: what was spent before it is in the balance stated after it.
 */
export function costDaysFromTotal(
  known: readonly CostDay[],
  previous: number | null,
  current: number,
  now: Date,
  needed: string,
): CostDay[] {
  const grew = previous === null ? 0 : current >= previous ? current - previous : current;
  const today = utcDay(now.getTime());
  const days = known.filter((d) => d.day >= needed && d.day !== today);
  const before = known.find((d) => d.day === today);
  const sofar = (before ? decimalOf(before.amount) : null) ?? ZERO;
  const growth = decimalOf(grew) ?? ZERO;
  return [...days, { day: today, amount: decimalText(sofar.plus(growth)) }];
}

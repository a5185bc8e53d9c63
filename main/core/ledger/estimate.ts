import type { CostDay, LedgerEntry, RestateReason } from '../../../shared/ledger';
import { RESTATE_AFTER_DAYS } from '../../../shared/ledger';
import { type Decimal, decimalOf, sum, ZERO } from './money';

const DAY_MS = 86_400_000;

/** The UTC day a moment falls on, as a cost day names it. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function amount(text: string): Decimal {
  return decimalOf(text) ?? ZERO;
}

/** The balance the person stated last: by the moment it was read, then by when it was written down. */
export function latestStatement(entries: readonly LedgerEntry[]): LedgerEntry | null {
  let latest: LedgerEntry | null = null;
  for (const entry of entries) {
    if (entry.kind !== 'balance') continue;
    const later =
      !latest ||
      Date.parse(entry.at) > Date.parse(latest.at) ||
      (entry.at === latest.at && Date.parse(entry.recordedAt) >= Date.parse(latest.recordedAt));
    if (later) latest = entry;
  }
  return latest;
}

export interface Estimate {
  balance: Decimal;
  stated: Decimal;
  statedAt: string;
  topUps: Decimal;
  spent: Decimal;
}

/**
 * What the stated day had cost before the balance was read, the part the stated balance already reflects:
 * - stated at a UTC midnight: nothing (the whole day counts, exactly);
 * - stated with the day's cost so far written down (`set-balance` reads the vendor first): that amount, never more
 *   than the day came to;
 * - otherwise (stated for a past mid-day moment, or the vendor could not be read): the day's cost shared out
 *   evenly over its hours, so a balance read at 18:00 counts the last quarter of that day's cost.
 */
function spentBeforeStatement(statement: LedgerEntry, dayTotal: Decimal): Decimal {
  const at = Date.parse(statement.at);
  const intoDay = at - dayStartMs(utcDay(at));
  if (intoDay === 0) return ZERO;
  if (statement.spentEarlierThatDay !== undefined) {
    const earlier = amount(statement.spentEarlierThatDay);
    return earlier.gt(dayTotal) ? dayTotal : earlier;
  }
  return dayTotal.times(intoDay).div(DAY_MS);
}

/**
 * Stated balance + top-ups bought after it − costs reported since it. Top-ups at or before the moment stated are
 * already in that balance. Null until a balance is stated: no estimate is made up.
 */
export function estimateBalance(entries: readonly LedgerEntry[], days: readonly CostDay[]): Estimate | null {
  const statement = latestStatement(entries);
  if (!statement) return null;
  const statedAtMs = Date.parse(statement.at);
  const statedDay = utcDay(statedAtMs);
  const topUps = sum(
    entries.filter((e) => e.kind === 'top-up' && Date.parse(e.at) > statedAtMs).map((e) => amount(e.amount)),
  );
  const counted = days.filter((d) => d.day >= statedDay);
  const firstDay = counted.find((d) => d.day === statedDay);
  const spent = sum(counted.map((d) => amount(d.amount))).minus(
    firstDay ? spentBeforeStatement(statement, amount(firstDay.amount)) : ZERO,
  );
  const stated = amount(statement.amount);
  return { balance: stated.plus(topUps).minus(spent), stated, statedAt: statement.at, topUps, spent };
}

/**
 * When to ask for the balance again: the estimate went below zero while the vendor still reports costs (a top-up
 * was not recorded, or the stated balance was mistyped), or it was stated more than 30 days ago (credits expire,
 * grants arrive, the estimate drifts).
 */
export function restateReason(estimate: Estimate, now: Date): RestateReason | null {
  if (estimate.balance.lt(0)) return 'negative';
  if (now.getTime() - Date.parse(estimate.statedAt) > RESTATE_AFTER_DAYS * DAY_MS) return 'old';
  return null;
}

/** What the UTC day of `now` and its month have cost so far. */
export function spendSoFar(days: readonly CostDay[], now: Date): { today: Decimal; month: Decimal } {
  const today = utcDay(now.getTime());
  const month = today.slice(0, 7);
  return {
    today: sum(days.filter((d) => d.day === today).map((d) => amount(d.amount))),
    month: sum(days.filter((d) => d.day.startsWith(month)).map((d) => amount(d.amount))),
  };
}

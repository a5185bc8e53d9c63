import type { CostDay } from '../../../shared/ledger';
import { message } from '../../../shared/message';
import type { Snapshot } from '../../../shared/model';
import { AppFailure } from '../errors';
import { utcDay } from '../ledger/estimate';
import { type Decimal, decimalText, sum } from '../ledger/money';
import { envelopeErrorText } from './error-text';
import type { HttpClient } from './http';

/**
 * What OpenAI's and Anthropic's organization cost reports share: daily UTC buckets of money, paged by
 * `has_more`/`next_page`, read with an Admin key. Each adapter reads its own shapes and units into buckets; this
 * turns buckets into the cost days a ledger account subtracts from its stated balance.
 */
export interface CostBucket {
  /** When the bucket starts (a UTC midnight for a whole day; the first may start later). */
  startMs: number;
  amount: Decimal;
  /** Upper case ISO 4217, as the balance is written ("USD"); null when the bucket had no result. */
  currency: string | null;
}

/** Pages read in one poll at most: 12 × 31 days is a year of Anthropic's, 12 × 180 days five of OpenAI's. */
export const MAX_COST_PAGES = 12;

/**
 * Walks a cost report's pages (`has_more`, `next_page`), oldest days first. A report longer than the page cap, or
 * a cursor handed back twice, is refused whole: costs read in part would make the estimate too high.
 */
export async function readCostPages(
  page: (cursor: string | null) => Promise<{ buckets: CostBucket[]; hasMore: boolean; next: string | null }>,
): Promise<CostBucket[]> {
  const buckets: CostBucket[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let read = 0; read < MAX_COST_PAGES; read++) {
    const answer = await page(cursor);
    buckets.push(...answer.buckets);
    if (!answer.hasMore || !answer.next) return buckets;
    if (seen.has(answer.next)) break;
    seen.add(answer.next);
    cursor = answer.next;
  }
  throw new AppFailure('bad_response', message('costs.tooManyPages', { pages: MAX_COST_PAGES }));
}

/** A cost report's field that holds no amount (or no date), named for the vendor. */
export function unreadableCost(field: string): AppFailure {
  return new AppFailure(
    'bad_response',
    message('answer.shape', {
      what: message('answer.costsPage'),
      problem: message('costs.notAnAmount', { field }),
    }),
  );
}

/** A bucket's start in ms, refused by its field's name when it is no moment a date can hold. */
export function bucketStart(ms: number, field: string): number {
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime())) throw unreadableCost(field);
  return ms;
}

/** The first day to ask for, as the poll's cost window gives it; this month when none is given (testing a key). */
export function costsFrom(from: string | undefined, now: Date): Date {
  return from
    ? new Date(`${from}T00:00:00Z`)
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Buckets summed by UTC day, every day in the answer kept (a day that cost nothing is a known zero). */
export function costDaysOf(buckets: readonly CostBucket[]): CostDay[] {
  const byDay = new Map<string, Decimal[]>();
  for (const bucket of buckets) {
    const day = utcDay(bucket.startMs);
    byDay.set(day, [...(byDay.get(day) ?? []), bucket.amount]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, amounts]) => ({ day, amount: decimalText(sum(amounts)) }));
}

/**
 * A cost report as a snapshot: no balance of its own (the ledger estimates it), the report's days and currency.
 * One report in two currencies cannot be subtracted from one balance, so it is refused rather than summed.
 */
export function costSnapshot(buckets: readonly CostBucket[], now: Date): Snapshot {
  const currencies = new Set(buckets.flatMap((b) => (b.currency ? [b.currency] : [])));
  if (currencies.size > 1)
    throw new AppFailure(
      'bad_response',
      message('costs.mixedCurrency', { currencies: [...currencies].join(', ') }),
    );
  const currency = [...currencies][0] ?? 'USD';
  return {
    remaining: null,
    unit: currency,
    quotas: [],
    usedThisPeriod: null,
    usage: [],
    fetchedAt: now.toISOString(),
    extras: { currency, costDays: costDaysOf(buckets) },
  };
}

/**
 * One page of a cost report: a GET with the vendor's headers, its error body's message kept, and a refusal of a
 * key that is no Admin key said as such (adminKeyFailure).
 */
export async function askCostPage(
  http: HttpClient,
  request: { url: string; headers: Record<string, string> },
  call: { signal?: AbortSignal; secret: string },
  admin: { prefix: string; vendor: string; where: string },
): Promise<unknown> {
  try {
    return await http.json({ method: 'GET', ...request }, { ...call, describeError: envelopeErrorText });
  } catch (error) {
    throw adminKeyFailure(error, call.secret, admin);
  }
}

/**
 * A key without the Admin prefix refused by an endpoint that needs an Admin key is the wrong kind of key: said so
 * (`forbidden`: no retry helps), with where an Admin key is made. An Admin key refused keeps the vendor's answer
 * (revoked, expired, a region not served).
 */
export function adminKeyFailure(
  error: unknown,
  secret: string,
  admin: { prefix: string; vendor: string; where: string },
): unknown {
  if (!(error instanceof AppFailure) || (error.kind !== 'auth' && error.kind !== 'forbidden')) return error;
  if (secret.startsWith(admin.prefix)) return error;
  return new AppFailure(
    'forbidden',
    message('costs.needsAdminKey', { vendor: admin.vendor, where: admin.where }),
    error.status !== undefined ? { status: error.status } : {},
  );
}

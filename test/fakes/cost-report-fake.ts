import type { FakeProvider } from './start-fake';

const DAY_MS = 86_400_000;

/**
 * What a cost-report fake keeps besides the usual: the costs it reports per UTC day (in dollars; a string where the
 * vendor may send one), and the moment it takes as now, so buckets run up to today.
 */
export interface CostReportFake extends FakeProvider {
  costs: Map<string, number | string>;
  now: Date;
  /** Moves the fake's today, with a sample month of costs before it. */
  setNow(now: Date): void;
}

/** The fake's clock and costs: the real today by default (the built CLI asks on the real clock). */
export function withCostState(fake: FakeProvider): CostReportFake {
  const state = fake as CostReportFake;
  state.setNow = (now) => {
    state.now = now;
    state.costs = sampleCosts(now);
  };
  state.setNow(new Date());
  return state;
}

/** The UTC midnights from the one on or before `fromMs` up to today's, each once: a report's daily buckets. */
export function dayStarts(fromMs: number, now: Date): number[] {
  const first = Math.floor(fromMs / DAY_MS) * DAY_MS;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const days: number[] = [];
  for (let t = first; t <= today; t += DAY_MS) days.push(t);
  return days;
}

/** An opaque-looking cursor for the page starting at bucket `offset`, and back. */
export function cursorFor(offset: number): string {
  return `page_${Buffer.from(`offset:${offset}`).toString('base64url')}`;
}

export function offsetOf(cursor: string | null): number | null {
  if (cursor === null) return 0;
  const text = Buffer.from(cursor.replace(/^page_/, ''), 'base64url').toString();
  const match = /^offset:(\d+)$/.exec(text);
  return match ? Number(match[1]) : null;
}

/** A month of steady spending before `now`, with yesterday's cost still landing. */
export function sampleCosts(now: Date): Map<string, number | string> {
  const costs = new Map<string, number | string>();
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  for (let i = 0; i <= 60; i++) {
    const day = new Date(today - i * DAY_MS).toISOString().slice(0, 10);
    costs.set(day, i % 7 === 3 ? 0 : 1.25 + (i % 3) * 0.5);
  }
  return costs;
}

/**
 * One page of daily buckets from the first day asked for up to the fake's today, as both vendors page them:
 * `limit` buckets (default 7, up to `maxLimit`) from the `page` cursor's offset. Which of the two was wrong when
 * the request is refused.
 */
export function pageOfDays(
  query: URLSearchParams,
  fromMs: number,
  now: Date,
  maxLimit: number,
): { days: { t: number; index: number }[]; next: string | null } | { wrong: 'limit' | 'page' } {
  const limit = Number(query.get('limit') ?? 7);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return { wrong: 'limit' };
  const offset = offsetOf(query.get('page'));
  if (offset === null) return { wrong: 'page' };
  const all = dayStarts(fromMs, now);
  const days = all.slice(offset, offset + limit).map((t, i) => ({ t, index: offset + i }));
  return { days, next: offset + limit < all.length ? cursorFor(offset + limit) : null };
}

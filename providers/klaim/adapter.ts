import { AppFailure } from '../../main/core/errors';
import {
  endpoint,
  type ProviderAdapter,
  parseAnswer,
  startOfMonthUtc,
  toInstant,
} from '../../main/core/providers/adapter';
import { anyErrorText } from '../../main/core/providers/error-text';
import { message } from '../../shared/message';
import type { Purchase, Snapshot, UsagePoint } from '../../shared/model';
import { z } from '../../shared/zod';

const UsageRecord = z.object({
  created_at: z.number(),
  credit_change: z.nullish(z.number()),
  credit_balance: z.number(),
  source_type: z.nullish(z.string()),
  description: z.nullish(z.string()),
});
export type KlaimRecord = z.infer<typeof UsageRecord>;

/** One page; `lastKey` is an opaque cursor sent back verbatim as `starting_after`. */
export const KlaimPage = z.object({
  data: z.array(UsageRecord),
  lastKey: z.nullish(z.record(z.string(), z.unknown())),
});

export const KLAIM_MAX_PAGES = 20;

export interface KlaimRaw {
  records: KlaimRecord[];
  complete: boolean;
}

/** Epoch seconds or milliseconds, told apart by size: 1e11 ms is 1973, 1e11 s is the year 5138. */
export function epochMs(value: number): number {
  return Math.abs(value) < 1e11 ? value * 1000 : value;
}

export const klaim: ProviderAdapter<KlaimRaw> = {
  id: 'klaim',
  async fetch({ account, secret, http, signal }) {
    if (!account.userId) throw new AppFailure('config', message('klaim.userId'));
    const url = endpoint(account, `/users/${encodeURIComponent(account.userId)}/credits/usage`);
    const records: KlaimRecord[] = [];
    let cursor: Record<string, unknown> | null | undefined;
    // A server that hands back a cursor it gave before would have us read the same pages until the page cap.
    const seen = new Set<string>();
    for (let page = 0; page < KLAIM_MAX_PAGES; page++) {
      const body = await http.json(
        {
          method: 'POST',
          url,
          headers: { authorization: `Bearer ${secret}` },
          json: cursor ? { starting_after: cursor } : {},
        },
        { signal, secret, describeError: anyErrorText, notFoundHint: message('http.checkBaseUrlAndUser') },
      );
      const parsed = parseAnswer(KlaimPage, body, 'answer.usagePage');
      records.push(...parsed.data);
      cursor = parsed.lastKey;
      if (!cursor) return { records, complete: true };
      const key = JSON.stringify(cursor);
      if (seen.has(key)) return { records, complete: false };
      seen.add(key);
    }
    return { records, complete: false };
  },
  normalize(raw, now): Snapshot {
    if (raw.records.length === 0) {
      throw new AppFailure('bad_response', message('klaim.noRecords'));
    }
    // Documented in epoch milliseconds; a server sending seconds would otherwise date every record in 1970.
    const ordered = raw.records
      .map((r) => ({ ...r, created_at: epochMs(r.created_at) }))
      .sort((a, b) => a.created_at - b.created_at);
    const usage: UsagePoint[] = [];
    const purchases: Purchase[] = [];
    // The sign of credit_change is not documented; the balance after each record is, so its movement decides.
    for (let i = 1; i < ordered.length; i++) {
      const before = ordered[i - 1] as KlaimRecord;
      const record = ordered[i] as KlaimRecord;
      const at = toInstant(record.created_at);
      const delta = record.credit_balance - before.credit_balance;
      if (!at || delta === 0) continue;
      if (delta < 0) usage.push({ at, used: -delta });
      else purchases.push({ at, credits: delta });
    }
    const newest = ordered[ordered.length - 1] as KlaimRecord;
    const monthStart = startOfMonthUtc(now).getTime();
    return {
      remaining: newest.credit_balance,
      unit: 'credits',
      quotas: [],
      usedThisPeriod: usage.filter((p) => Date.parse(p.at) >= monthStart).reduce((sum, p) => sum + p.used, 0),
      usage: usage.reverse(),
      fetchedAt: now.toISOString(),
      extras: { purchases: purchases.reverse(), ...(raw.complete ? {} : { partial: true }) },
    };
  },
};

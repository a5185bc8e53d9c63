import { decimalOf, ZERO } from '../../main/core/ledger/money';
import { endpoint, type ProviderAdapter, parseAnswer } from '../../main/core/providers/adapter';
import {
  askCostPage,
  bucketStart,
  type CostBucket,
  costSnapshot,
  costsFrom,
  readCostPages,
  unreadableCost,
} from '../../main/core/providers/cost-report';
import { z } from '../../shared/zod';

/**
 * `amount.value` is dollars, documented as a number; since 2026 the live API has also sent it as a string
 * ("0.0042"). Both are read as decimals. Only `object` is required on a result: one with no amount cost nothing.
 */
const CostResult = z.object({
  amount: z.nullish(
    z.object({ value: z.nullish(z.union([z.number(), z.string()])), currency: z.nullish(z.string()) }),
  ),
});

const Bucket = z.object({
  start_time: z.number(),
  end_time: z.number(),
  results: z.array(CostResult),
});

export const OpenAiCostsPage = z.object({
  data: z.array(Bucket),
  has_more: z.optional(z.boolean()),
  next_page: z.nullish(z.string()),
});
export type OpenAiCostsPage = z.infer<typeof OpenAiCostsPage>;

/** The most buckets (days) one page may hold. */
const PAGE_LIMIT = 180;

export const ADMIN_KEY = {
  prefix: 'sk-admin-',
  vendor: 'OpenAI',
  where: 'platform.openai.com/settings/organization/admin-keys',
};

/** Each page's buckets as cost buckets: results summed as decimals, a value that is no number refused by name. */
export function openAiBuckets(page: OpenAiCostsPage): CostBucket[] {
  return page.data.map((bucket) => {
    let amount = ZERO;
    let currency: string | null = null;
    for (const result of bucket.results) {
      const value = result.amount?.value;
      if (value === null || value === undefined) continue;
      const decimal = decimalOf(value);
      if (!decimal) throw unreadableCost('amount.value');
      amount = amount.plus(decimal);
      if (result.amount?.currency) currency = result.amount.currency.toUpperCase();
    }
    return { startMs: bucketStart(bucket.start_time * 1000, 'start_time'), amount, currency };
  });
}

export const openai: ProviderAdapter<CostBucket[]> = {
  id: 'openai',
  async fetch({ account, secret, http, signal, now, costsFrom: from }) {
    const start = Math.floor(costsFrom(from, now).getTime() / 1000);
    return readCostPages(async (cursor) => {
      const url = endpoint(account, '/organization/costs', {
        start_time: start,
        bucket_width: '1d',
        limit: PAGE_LIMIT,
        ...(cursor ? { page: cursor } : {}),
      });
      const body = await askCostPage(
        http,
        { url, headers: { authorization: `Bearer ${secret}` } },
        { signal, secret },
        ADMIN_KEY,
      );
      const parsed = parseAnswer(OpenAiCostsPage, body, 'answer.costsPage');
      return {
        buckets: openAiBuckets(parsed),
        hasMore: parsed.has_more === true,
        next: parsed.next_page ?? null,
      };
    });
  },
  normalize: costSnapshot,
};

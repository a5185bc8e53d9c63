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

/** `amount` is a decimal string in cents ("412.5031" is $4.125031); a number is read the same way. */
const CostResult = z.object({
  amount: z.union([z.string(), z.number()]),
  currency: z.nullish(z.string()),
});

const Bucket = z.object({
  starting_at: z.string(),
  ending_at: z.string(),
  results: z.array(CostResult),
});

export const AnthropicCostPage = z.object({
  data: z.array(Bucket),
  has_more: z.boolean(),
  next_page: z.nullish(z.string()),
});
export type AnthropicCostPage = z.infer<typeof AnthropicCostPage>;

/** The most daily buckets one page of the cost report holds. */
const PAGE_LIMIT = 31;

/** The only version the Admin API documents as current. */
export const ANTHROPIC_VERSION = '2023-06-01';

export const ADMIN_KEY = {
  prefix: 'sk-ant-admin',
  vendor: 'Anthropic',
  where: 'platform.claude.com/settings/admin-keys',
};

/** Each bucket's results summed as decimals, cents made dollars. */
export function anthropicBuckets(page: AnthropicCostPage): CostBucket[] {
  return page.data.map((bucket) => {
    const startMs = bucketStart(Date.parse(bucket.starting_at), 'starting_at');
    let cents = ZERO;
    let currency: string | null = null;
    for (const result of bucket.results) {
      const amount = decimalOf(result.amount);
      if (!amount) throw unreadableCost('amount');
      cents = cents.plus(amount);
      if (result.currency) currency = result.currency.toUpperCase();
    }
    return { startMs, amount: cents.div(100), currency };
  });
}

export const anthropic: ProviderAdapter<CostBucket[]> = {
  id: 'anthropic',
  async fetch({ account, secret, http, signal, now, costsFrom: from }) {
    // No `ending_at`: only buckets that end before it are returned, and today's, still filling, is wanted.
    const startingAt = costsFrom(from, now).toISOString().replace('.000Z', 'Z');
    return readCostPages(async (cursor) => {
      const url = endpoint(account, '/organizations/cost_report', {
        starting_at: startingAt,
        bucket_width: '1d',
        limit: PAGE_LIMIT,
        ...(cursor ? { page: cursor } : {}),
      });
      const body = await askCostPage(
        http,
        { url, headers: { 'x-api-key': secret, 'anthropic-version': ANTHROPIC_VERSION } },
        { signal, secret },
        ADMIN_KEY,
      );
      const parsed = parseAnswer(AnthropicCostPage, body, 'answer.costsPage');
      return { buckets: anthropicBuckets(parsed), hasMore: parsed.has_more, next: parsed.next_page ?? null };
    });
  },
  normalize: costSnapshot,
};

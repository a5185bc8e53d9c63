import {
  endpoint,
  type ProviderAdapter,
  parseAnswer,
  startOfMonthUtc,
  toInstant,
} from '../../main/core/providers/adapter';
import { problemDetailText } from '../../main/core/providers/error-text';
import type { Purchase, Snapshot, UsagePoint } from '../../shared/model';
import { z } from '../../shared/zod';

const UsageRecord = z.object({ id: z.string(), credit_used: z.number(), created_at: z.string() });
const PurchaseRecord = z.object({ id: z.string(), credits: z.number(), purchased_at: z.string() });

/** `GET /v1/usage` (GetUsageResponseV1); unknown extra fields are tolerated so a new field does not break us. */
export const HappenstanceUsage = z.object({
  balance_credits: z.number(),
  has_credits: z.boolean(),
  purchases: z.array(PurchaseRecord),
  usage: z.array(UsageRecord),
  auto_reload: z.nullish(
    z.object({
      enabled: z.boolean(),
      threshold_credits: z.number(),
      reload_credit_amount: z.number(),
      last_reload_at: z.nullish(z.string()),
    }),
  ),
});
export type HappenstanceUsage = z.infer<typeof HappenstanceUsage>;

export const happenstance: ProviderAdapter<HappenstanceUsage> = {
  id: 'happenstance',
  async fetch({ account, secret, http, signal }) {
    const body = await http.json(
      { method: 'GET', url: endpoint(account, '/v1/usage'), headers: { authorization: `Bearer ${secret}` } },
      { signal, secret, describeError: problemDetailText },
    );
    return parseAnswer(HappenstanceUsage, body, 'answer.usage');
  },
  normalize(raw, now): Snapshot {
    const usage: UsagePoint[] = [];
    for (const record of raw.usage) {
      const at = toInstant(record.created_at);
      if (at) usage.push({ at, used: record.credit_used });
    }
    const purchases: Purchase[] = [];
    for (const record of raw.purchases) {
      const at = toInstant(record.purchased_at);
      if (at) purchases.push({ at, credits: record.credits });
    }
    const monthStart = startOfMonthUtc(now).getTime();
    const usedThisMonth = usage
      .filter((p) => Date.parse(p.at) >= monthStart)
      .reduce((sum, p) => sum + p.used, 0);
    const reload = raw.auto_reload;
    return {
      remaining: raw.balance_credits,
      unit: 'credits',
      quotas: [],
      usedThisPeriod: usedThisMonth,
      usage,
      fetchedAt: now.toISOString(),
      extras: {
        purchases,
        ...(reload
          ? {
              autoReload: {
                enabled: reload.enabled,
                thresholdCredits: reload.threshold_credits,
                reloadAmount: reload.reload_credit_amount,
                lastReloadAt: reload.last_reload_at ? toInstant(reload.last_reload_at) : null,
              },
            }
          : {}),
      },
    };
  },
};

import {
  endpoint,
  type FetchContext,
  type ProviderAdapter,
  parseAnswer,
  percentOf,
  plainEntries,
  startOfMonthUtc,
} from '../../main/core/providers/adapter';
import { statusDetailText } from '../../main/core/providers/error-text';
import type { Quota, Snapshot } from '../../shared/model';
import { z } from '../../shared/zod';

export const GenerectMe = z.object({
  data: z.object({
    plan: z.nullish(z.string()),
    credits: z.object({
      balance: z.number(),
      used_this_month: z.nullish(z.number()),
      monthly_limit: z.nullish(z.number()),
    }),
  }),
});

export const GenerectUsage = z.object({
  data: z.object({
    period: z.nullish(z.string()),
    total_credits: z.nullish(z.number()),
    breakdown: z.nullish(plainEntries(z.number())),
  }),
});

export interface GenerectRaw {
  me: z.infer<typeof GenerectMe>;
  /** Null when the usage endpoint failed: the balance still stands without the breakdown. */
  usage: z.infer<typeof GenerectUsage> | null;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function get(ctx: FetchContext, path: string, query?: Record<string, string>): Promise<unknown> {
  return ctx.http.json(
    {
      method: 'GET',
      url: endpoint(ctx.account, path, query),
      headers: { authorization: `Token ${ctx.secret}` },
    },
    { signal: ctx.signal, secret: ctx.secret, describeError: statusDetailText },
  );
}

export const generect: ProviderAdapter<GenerectRaw> = {
  id: 'generect',
  async fetch(ctx) {
    const monthQuery = {
      period: 'day',
      start_date: day(startOfMonthUtc(ctx.now)),
      end_date: day(ctx.now),
      timezone: 'UTC',
    };
    const [me, usage] = await Promise.all([
      get(ctx, '/api/v1/accounts/me/'),
      // Some plans may not read usage (403); the breakdown is a nicety, the balance is what matters.
      get(ctx, '/api/v1/accounts/usage/', monthQuery).then(
        (body) => GenerectUsage.safeParse(body).data ?? null,
        () => null,
      ),
    ]);
    return { me: parseAnswer(GenerectMe, me, 'answer.account'), usage };
  },
  normalize(raw, now): Snapshot {
    const credits = raw.me.data.credits;
    const used = credits.used_this_month ?? raw.usage?.data.total_credits ?? null;
    const quotas: Quota[] = [];
    if (credits.monthly_limit != null && credits.monthly_limit > 0 && used !== null) {
      quotas.push({
        metric: 'monthly_limit',
        name: 'Monthly limit',
        used,
        included: credits.monthly_limit,
        unit: 'credits',
        percentUsed: percentOf(used, credits.monthly_limit),
      });
    }
    const breakdown = raw.usage?.data.breakdown;
    return {
      remaining: credits.balance,
      unit: 'credits',
      quotas,
      usedThisPeriod: used,
      usage: [],
      fetchedAt: now.toISOString(),
      extras: {
        ...(breakdown ? { breakdown: Object.fromEntries(breakdown) } : {}),
        ...(raw.me.data.plan ? { plan: raw.me.data.plan } : {}),
      },
    };
  },
};

import { AppFailure } from '../../main/core/errors';
import {
  endpoint,
  type ProviderAdapter,
  parseAnswer,
  percentOf,
  plainEntries,
  toInstant,
} from '../../main/core/providers/adapter';
import { envelopeErrorText } from '../../main/core/providers/error-text';
import { message } from '../../shared/message';
import type { Quota, Snapshot } from '../../shared/model';
import { z } from '../../shared/zod';

const Metric = z.object({
  name: z.string().check(z.minLength(1)),
  unit: z.string(),
  included: z.number().check(z.nonnegative()),
  used: z.number(),
  overage: z.nullish(z.number()),
  percentage: z.nullish(z.number()),
});

export const MeteredUsage = z.object({
  success: z.literal(true),
  data: z.object({
    period: z.nullish(z.object({ start: z.string(), end: z.string() })),
    metrics: plainEntries(Metric),
    estimatedCost: z.nullish(
      z.object({ base: z.number(), overage: z.number(), total: z.number(), currency: z.string() }),
    ),
  }),
});
export type MeteredUsage = z.infer<typeof MeteredUsage>;

const KIND_BY_CODE: Record<string, 'auth' | 'forbidden' | 'payment' | 'rate_limited' | 'config'> = {
  UNAUTHORIZED: 'auth',
  FORBIDDEN: 'forbidden',
  PAYMENT_REQUIRED: 'payment',
  RATE_LIMITED: 'rate_limited',
  BAD_REQUEST: 'config',
};

const EnvelopeFailure = z.object({
  success: z.literal(false),
  error: z.partial(z.object({ code: z.string(), message: z.string() })),
});

/** A `{success:false}` envelope that arrives with a 2xx status still is an error, classified by its code. */
function envelopeFailure(body: unknown): AppFailure | null {
  const parsed = EnvelopeFailure.safeParse(body);
  if (!parsed.success) return null;
  const kind = KIND_BY_CODE[parsed.data.error.code ?? ''] ?? 'bad_response';
  const detail = envelopeErrorText(body);
  return new AppFailure(
    kind,
    detail ? message('provider.errorDetail', { detail }) : message('provider.error'),
  );
}

export const meteredBilling: ProviderAdapter<MeteredUsage> = {
  id: 'metered-billing',
  async fetch({ account, secret, http, signal }) {
    const body = await http.json(
      {
        method: 'GET',
        url: endpoint(account, '/api/billing/usage'),
        headers: { authorization: `Bearer ${secret}` },
      },
      { signal, secret, describeError: envelopeErrorText },
    );
    const failure = envelopeFailure(body);
    if (failure) throw failure;
    return parseAnswer(MeteredUsage, body, 'answer.usage');
  },
  normalize(raw, now): Snapshot {
    const quotas: Quota[] = raw.data.metrics.map(([metric, m]) => ({
      metric,
      name: m.name,
      used: m.used,
      included: m.included,
      unit: m.unit,
      percentUsed: m.percentage ?? percentOf(m.used, m.included),
    }));
    const period = raw.data.period;
    const start = period ? toInstant(period.start) : null;
    const end = period ? toInstant(period.end) : null;
    const cost = raw.data.estimatedCost;
    return {
      remaining: null,
      unit: null,
      quotas,
      usedThisPeriod: null,
      usage: [],
      fetchedAt: now.toISOString(),
      extras: {
        ...(cost ? { estimatedCost: cost, currency: cost.currency } : {}),
        ...(start && end ? { period: { start, end } } : {}),
      },
    };
  },
};

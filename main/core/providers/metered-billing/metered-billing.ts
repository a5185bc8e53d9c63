import { z } from 'zod';
import type { Quota, Snapshot } from '../../../../shared/model';
import { AppFailure } from '../../errors';
import { endpoint, type ProviderAdapter, parseAnswer, percentOf, plainEntries, toInstant } from '../adapter';
import { envelopeErrorText } from '../error-text';

const Metric = z.object({
  name: z.string().min(1),
  unit: z.string(),
  included: z.number().nonnegative(),
  used: z.number(),
  overage: z.number().nullish(),
  percentage: z.number().nullish(),
});

export const MeteredUsage = z.object({
  success: z.literal(true),
  data: z.object({
    period: z.object({ start: z.string(), end: z.string() }).nullish(),
    metrics: plainEntries(Metric),
    estimatedCost: z
      .object({ base: z.number(), overage: z.number(), total: z.number(), currency: z.string() })
      .nullish(),
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

/** A `{success:false}` envelope that arrives with a 2xx status still is an error, classified by its code. */
function envelopeFailure(body: unknown): AppFailure | null {
  const parsed = z
    .object({
      success: z.literal(false),
      error: z.object({ code: z.string(), message: z.string() }).partial(),
    })
    .safeParse(body);
  if (!parsed.success) return null;
  const kind = KIND_BY_CODE[parsed.data.error.code ?? ''] ?? 'bad_response';
  const detail = envelopeErrorText(body);
  return new AppFailure(kind, `The provider reported an error${detail ? `: ${detail}` : ''}`);
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
    return parseAnswer(MeteredUsage, body, 'The usage answer');
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

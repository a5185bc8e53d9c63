import {
  endpoint,
  type FetchContext,
  type ProviderAdapter,
  parseAnswer,
  startOfMonthUtc,
  toInstant,
} from '../../main/core/providers/adapter';
import { anyErrorText } from '../../main/core/providers/error-text';
import type { Purchase, Snapshot, UsagePoint } from '../../shared/model';
import { z } from '../../shared/zod';

/** The document lists fields, not envelopes: accept an answer either bare or wrapped in `data`. */
function enveloped<T extends z.ZodMiniType>(inner: T) {
  return z.pipe(
    z.transform((value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'data')
        ? (value as { data: unknown }).data
        : value,
    ),
    inner,
  );
}

const CreditBalance = z.object({
  balance: z.number(),
  reserved: z.nullish(z.number()),
  available: z.number(),
  currency: z.nullish(z.string()),
  auto_reload_enabled: z.nullish(z.boolean()),
  auto_reload_threshold: z.nullish(z.number()),
  auto_reload_amount: z.nullish(z.number()),
});

const UsageStats = z.object({
  credits_consumed: z.number(),
  period_start: z.string(),
  period_end: z.nullish(z.string()),
});

const LedgerEntry = z.object({
  type: z.string(),
  amount: z.number(),
  created_at: z.string(),
});

export const RichCredits = enveloped(CreditBalance);
export const RichUsage = enveloped(
  z.union([
    z.pipe(
      UsageStats,
      z.transform((one) => [one]),
    ),
    z.array(UsageStats),
  ]),
);
export const RichLedgerPage = enveloped(z.array(LedgerEntry));

export const LEDGER_PAGE_SIZE = 100;
export const LEDGER_MAX_PAGES = 5;

export interface RichRaw {
  credits: z.infer<typeof RichCredits>;
  /** Null when the usage endpoint failed: the balance stands without the daily series. */
  usage: z.infer<typeof RichUsage> | null;
  ledger: z.infer<typeof LedgerEntry>[];
  ledgerComplete: boolean;
}

async function get(
  ctx: FetchContext,
  path: string,
  query?: Record<string, string | number>,
): Promise<unknown> {
  return ctx.http.json(
    {
      method: 'GET',
      url: endpoint(ctx.account, path, query),
      headers: { authorization: `Bearer ${ctx.secret}` },
    },
    { signal: ctx.signal, secret: ctx.secret, describeError: anyErrorText },
  );
}

/** This month's ledger, page by page, stopping at a short page or the page cap. */
async function readLedger(
  ctx: FetchContext,
  from: string,
): Promise<{ entries: RichRaw['ledger']; complete: boolean }> {
  const entries: RichRaw['ledger'] = [];
  for (let page = 0; page < LEDGER_MAX_PAGES; page++) {
    const body = await get(ctx, '/auth/account/ledger', {
      from,
      limit: LEDGER_PAGE_SIZE,
      offset: page * LEDGER_PAGE_SIZE,
    });
    const rows = parseAnswer(RichLedgerPage, body, 'answer.ledgerPage');
    entries.push(...rows);
    if (rows.length < LEDGER_PAGE_SIZE) return { entries, complete: true };
  }
  return { entries, complete: false };
}

export const richutilities: ProviderAdapter<RichRaw> = {
  id: 'richutilities',
  async fetch(ctx) {
    const from = startOfMonthUtc(ctx.now).toISOString();
    const [credits, usage, ledger] = await Promise.all([
      get(ctx, '/auth/account/credits'),
      get(ctx, '/auth/account/usage', { period: 'daily', from }).then(
        (body) => RichUsage.safeParse(body).data ?? null,
        () => null,
      ),
      readLedger(ctx, from).catch(() => ({ entries: [], complete: false })),
    ]);
    return {
      credits: parseAnswer(RichCredits, credits, 'answer.creditBalance'),
      usage,
      ledger: ledger.entries,
      ledgerComplete: ledger.complete,
    };
  },
  normalize(raw, now): Snapshot {
    const c = raw.credits;
    const usage: UsagePoint[] = [];
    for (const day of raw.usage ?? []) {
      const at = toInstant(day.period_start);
      if (at) usage.push({ at, used: day.credits_consumed });
    }
    const purchases: Purchase[] = [];
    for (const entry of raw.ledger) {
      const at = toInstant(entry.created_at);
      if (at && entry.type === 'credit' && entry.amount > 0) purchases.push({ at, credits: entry.amount });
    }
    const hasReload = c.auto_reload_enabled != null;
    return {
      remaining: c.available,
      unit: c.currency ?? 'credits',
      quotas: [],
      usedThisPeriod: raw.usage ? usage.reduce((sum, p) => sum + p.used, 0) : null,
      usage,
      fetchedAt: now.toISOString(),
      extras: {
        balance: c.balance,
        ...(c.reserved != null ? { reserved: c.reserved } : {}),
        ...(c.currency ? { currency: c.currency } : {}),
        purchases,
        ...(raw.ledgerComplete ? {} : { partial: true }),
        ...(hasReload
          ? {
              autoReload: {
                enabled: c.auto_reload_enabled === true,
                thresholdCredits: c.auto_reload_threshold ?? null,
                reloadAmount: c.auto_reload_amount ?? null,
                lastReloadAt: null,
              },
            }
          : {}),
      },
    };
  },
};

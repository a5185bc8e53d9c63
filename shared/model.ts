import { CostDay, LedgerView, RestateReason } from './ledger';
import { MessageSchema } from './message';
import { z } from './zod';

/** What went wrong, in terms the scheduler and the UI act on (see DESIGN.md, "Error kinds"). */
export const ErrorKind = z.enum([
  'auth',
  'forbidden',
  'payment',
  'not_found',
  'rate_limited',
  'timeout',
  'network',
  'server',
  'bad_response',
  'config',
  'no_credentials',
  'keychain_unavailable',
]);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const ProviderError = z.object({
  kind: ErrorKind,
  /** What to tell a person, said in their language where shown; never a raw response body and never a secret. */
  message: MessageSchema,
  status: z.optional(z.int()),
  /** Seconds the provider asked us to wait (429 Retry-After), already relative to now. */
  retryAfterSeconds: z.optional(z.number().check(z.gte(0))),
});
export type ProviderError = z.infer<typeof ProviderError>;

const isoDate = z.iso.datetime({ offset: true });

export const Quota = z.object({
  metric: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  used: z.number(),
  included: z.number().check(z.gte(0)),
  unit: z.string(),
  percentUsed: z.number(),
});
export type Quota = z.infer<typeof Quota>;

export const UsagePoint = z.object({
  at: isoDate,
  used: z.number(),
});
export type UsagePoint = z.infer<typeof UsagePoint>;

export const Purchase = z.object({
  at: isoDate,
  credits: z.number(),
});
export type Purchase = z.infer<typeof Purchase>;

export const AutoReload = z.object({
  enabled: z.boolean(),
  thresholdCredits: z.nullable(z.number()),
  reloadAmount: z.nullable(z.number()),
  lastReloadAt: z.nullable(isoDate),
});
export type AutoReload = z.infer<typeof AutoReload>;

export const EstimatedCost = z.object({
  base: z.number(),
  overage: z.number(),
  total: z.number(),
  currency: z.string(),
});
export type EstimatedCost = z.infer<typeof EstimatedCost>;

/** Provider facts the UI may show beside the headline number. */
export const SnapshotExtras = z.object({
  autoReload: z.optional(AutoReload),
  purchases: z.optional(z.array(Purchase)),
  /** Credits held for work in flight (Rich Utilities): counted in the balance, not spendable. */
  reserved: z.optional(z.number()),
  /** Total balance including reserved credits, when it differs from what can be spent. */
  balance: z.optional(z.number()),
  currency: z.optional(z.string()),
  estimatedCost: z.optional(EstimatedCost),
  /** Credits per operation type this period (Generect). */
  breakdown: z.optional(z.record(z.string(), z.number())),
  period: z.optional(z.object({ start: isoDate, end: isoDate })),
  /** When the quota or the plan's allowance starts again. */
  resetsAt: z.optional(isoDate),
  plan: z.optional(z.string()),
  /** True when the provider had more pages than we read, so history may be incomplete. */
  partial: z.optional(z.boolean()),
  /** A cost report's days (OpenAI, Anthropic), oldest first: what the ledger subtracts. */
  costDays: z.optional(z.array(CostDay)),
  /** What a custom endpoint read with `spent` reports spent in all (a running total that may start again). */
  spentTotal: z.optional(z.number()),
  /** Present on a ledger account: `remaining` is then an estimate made of these figures. */
  ledger: z.optional(LedgerView),
});
export type SnapshotExtras = z.infer<typeof SnapshotExtras>;

/** One provider answer, normalised. Prepaid accounts have `remaining`; plan accounts have `quotas`. */
export const Snapshot = z.object({
  remaining: z.nullable(z.number()),
  unit: z.nullable(z.string()),
  quotas: z.array(Quota),
  usedThisPeriod: z.nullable(z.number()),
  usage: z.array(UsagePoint),
  fetchedAt: isoDate,
  extras: SnapshotExtras,
});
export type Snapshot = z.infer<typeof Snapshot>;

export const Level = z.enum(['ok', 'warning', 'critical', 'empty', 'unknown']);
export type Level = z.infer<typeof Level>;

/** One account as the core knows it; its problem is a message, said where it is shown. */
export const AccountStatus = z.object({
  id: z.string(),
  provider: z.string(),
  label: z.string(),
  level: Level,
  /** From the cache rather than this poll. */
  stale: z.boolean(),
  /** False when nothing current is known: a lasting error (key rejected, forbidden...) or a value too old. */
  current: z.boolean(),
  /** The provider's answer was read only in part (Klaim's pages cut short): the usage shown may be incomplete. */
  partial: z.boolean(),
  remaining: z.nullable(z.number()),
  unit: z.nullable(z.string()),
  quotas: z.array(Quota),
  usedThisPeriod: z.nullable(z.number()),
  fetchedAt: z.nullable(isoDate),
  error: z.nullable(z.object({ kind: ErrorKind, message: MessageSchema })),
  /** Why the level is above ok, when no error says it: "below your warning level of 20 USD". */
  reason: z.nullable(MessageSchema),
  /**
   * False when nothing judges an ok level (shared/thresholds.ts `isJudged`): a balance with no levels of its own
   * and no runway yet, or a ledger balance never stated. Shown as neutral ("no levels yet"), never as ok.
   */
  judged: z.boolean(),
  /**
   * A ledger account (OpenAI, Anthropic): its balance is an estimate (stated balance + top-ups − costs since),
   * made from the balance stated at `statedAt`; null before one is stated. Null for any other account.
   */
  ledger: z.nullable(z.object({ statedAt: z.nullable(isoDate), restate: z.nullable(RestateReason) })),
});
export type AccountStatus = z.infer<typeof AccountStatus>;

/** What is ahead, as the CLI and the API print it: the runway at the recent burn rate, and the quota's reset. */
export const StatusOutlook = z.object({
  /** Days until the balance is empty at the recent burn rate; null with too little history or no spending. */
  runwayDays: z.nullable(z.number()),
  emptyAt: z.nullable(isoDate),
  burnPerDay: z.nullable(z.number()),
  /** When the quota or plan allowance starts again. */
  resetsAt: z.nullable(isoDate),
  /** The fullest quota's percent used expected at its reset. */
  quotaPercentAtReset: z.nullable(z.number()),
});
export type StatusOutlook = z.infer<typeof StatusOutlook>;

/**
 * One account as `creditbar status --json`, `watch` and `serve`'s API print it: the same, with its problem said
 * in words, in the language of the terminal (or of the server) that prints it.
 */
export const PrintedStatus = z.extend(AccountStatus, {
  error: z.nullable(z.object({ kind: ErrorKind, message: z.string() })),
  reason: z.nullable(z.string()),
  /** `remaining` is a ledger's estimate, not a figure the provider sent (`ledger.statedAt` says since when). */
  estimated: z.boolean(),
  outlook: StatusOutlook,
});
export type PrintedStatus = z.infer<typeof PrintedStatus>;

/** One point of an account's history: what it had left (or its fullest quota) at a moment. */
export interface HistoryPoint {
  t: number;
  remaining: number | null;
  used: number | null;
  maxPercent: number | null;
}

/** What a provider reported as used at a moment (its own usage records). */
export interface ProviderUsage {
  t: number;
  used: number;
}

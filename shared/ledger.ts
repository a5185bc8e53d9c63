import { says } from './issue-message';
import { z } from './zod';

/**
 * The ledger of an account whose provider reports what was spent, not what is left (OpenAI's and Anthropic's cost
 * reports, a custom endpoint read with `spent`): the balances a person read in the vendor's console and the
 * credit they bought. The estimated balance is the last stated balance, plus later top-ups, minus the costs the
 * vendor reports since (main/core/ledger/estimate.ts).
 */

/** Money as the person typed it or the vendor sent it: a decimal in text, so no sum ever passes through a float. */
export const DecimalText = z.string().check(z.regex(/^\d{1,12}(\.\d{1,12})?$/, says('valid.ledgerAmount')));

const isoDate = z.iso.datetime({ offset: true });

export const LedgerEntryKind = z.enum(['balance', 'top-up']);
export type LedgerEntryKind = z.infer<typeof LedgerEntryKind>;

export const LedgerEntry = z.strictObject({
  /** Short and random: what `ledger remove` and the popover's remove button name. */
  id: z.string().check(z.regex(/^[a-z0-9]{4,16}$/)),
  kind: LedgerEntryKind,
  /** In the vendor's currency (US dollars for OpenAI and Anthropic). */
  amount: DecimalText,
  /** The moment the balance was read, or the credit bought. */
  at: isoDate,
  /** When the entry was made: of two balances stated for one moment, the later word wins. */
  recordedAt: isoDate,
  /**
   * For a balance stated during a day: what the vendor had reported spent that UTC day when it was stated, so
   * only the costs after it count. Without it, the day's cost is shared out by the hour (see estimate.ts).
   */
  spentEarlierThatDay: z.optional(DecimalText),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerFile = z.strictObject({
  version: z.literal(1),
  accounts: z.record(z.string(), z.array(LedgerEntry)),
});
export type LedgerFile = z.infer<typeof LedgerFile>;

/**
 * One UTC day of a vendor's costs: the day as `YYYY-MM-DD`, the amount a decimal in the account's currency (below
 * zero when a refund outweighed the day's use).
 */
export const CostDay = z.object({
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  amount: z.string().check(z.regex(/^-?\d{1,15}(\.\d{1,24})?$/)),
});
export type CostDay = z.infer<typeof CostDay>;

/** Why the person should read the balance in the vendor's console again. */
export const RestateReason = z.enum(['old', 'negative']);
export type RestateReason = z.infer<typeof RestateReason>;

/**
 * What a ledger account's snapshot says besides its (estimated) balance: the figures the estimate is made of, so
 * every view can show it as an estimate and say since when.
 */
export const LedgerView = z.object({
  /** When the balance was last stated; null until it is (the account then shows spend and asks for it). */
  statedAt: z.nullable(isoDate),
  stated: z.nullable(z.number()),
  topUps: z.number(),
  /** Costs reported since the balance was stated. */
  spent: z.number(),
  spentToday: z.number(),
  spentThisMonth: z.number(),
  restate: z.nullable(RestateReason),
});
export type LedgerView = z.infer<typeof LedgerView>;

/** After this long an estimate has drifted enough that the person is asked to state the balance again. */
export const RESTATE_AFTER_DAYS = 30;

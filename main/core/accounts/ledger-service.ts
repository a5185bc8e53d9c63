import { accountIdentity, effectiveAccount } from '../../../shared/config';
import { DecimalText, type LedgerEntry, type LedgerEntryKind } from '../../../shared/ledger';
import { type Message, message } from '../../../shared/message';
import type { Snapshot } from '../../../shared/model';
import { keepsLedger, PROVIDERS } from '../../../shared/providers';
import { ConfigError } from '../errors';
import { utcDay } from '../ledger/estimate';
import { withLedger } from '../ledger/ledger-snapshot';
import { decimalOf } from '../ledger/money';
import { type RefreshDeps, refreshAccount } from '../monitor/refresh-account';
import type { ConfigStore } from '../store/config-store';
import type { LedgerStore } from '../store/ledger-store';

export interface LedgerServiceDeps {
  config: ConfigStore;
  ledger: LedgerStore;
  /** How the vendor is read when a balance is stated now (its day so far is written down with it). */
  refresh: RefreshDeps;
  now: () => Date;
}

/** What stating a balance or recording a top-up came to: the entry, and the estimate it gives now. */
export interface LedgerChange {
  entry: LedgerEntry;
  /** The account's value with the entry counted (null when nothing was ever read from the vendor). */
  snapshot: Snapshot | null;
  /** Said beside the change: the vendor could not be read, so the stated day is shared out by the hour. */
  note: Message | null;
}

/** How far ahead of this computer's clock a moment may be and still be "now" (another machine's clock). */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * A moment as typed: a date (`2026-12-06`, that UTC midnight: the whole day counts) or a date and time, with an
 * offset or in this computer's time zone. Null when it is none of these.
 */
export function parseMoment(text: string): Date | null {
  const trimmed = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(iso)) return null;
  const ms = Date.parse(iso.replace(' ', 'T'));
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/**
 * The balances and top-ups of ledger accounts, for the CLI and the desktop app alike: what an entry may say is
 * checked once, here, and a balance stated now is written down with the vendor's cost so far that day, so only
 * what comes after it is subtracted.
 */
export class LedgerService {
  constructor(private readonly deps: LedgerServiceDeps) {}

  private ledgerAccount(accountId: string) {
    const account = this.deps.config.account(accountId);
    if (!account) throw new ConfigError(message('account.none', { id: accountId }));
    if (!keepsLedger(account))
      throw new ConfigError(
        message('ledger.notLedgerAccount', {
          label: account.label,
          provider: PROVIDERS[account.provider].displayName,
        }),
      );
    return effectiveAccount(account, this.deps.config.settings);
  }

  async entries(accountId: string): Promise<LedgerEntry[]> {
    this.ledgerAccount(accountId);
    return this.deps.ledger.entries(accountId);
  }

  /**
   * Records a stated balance or a top-up. `at` is when the balance was read or the credit bought: now when not
   * given. An amount that is no amount, a top-up of nothing, or a moment in the future is refused, naming it.
   */
  async record(accountId: string, kind: LedgerEntryKind, amount: string, at?: string): Promise<LedgerChange> {
    const account = this.ledgerAccount(accountId);
    const now = this.deps.now();
    const checked = DecimalText.safeParse(amount.trim());
    if (!checked.success) throw new ConfigError(message('ledger.badAmount', { amount }));
    if (kind === 'top-up' && !decimalOf(checked.data)?.gt(0))
      throw new ConfigError(message('ledger.topUpNothing'));
    const moment = at === undefined ? now : parseMoment(at);
    if (!moment) throw new ConfigError(message('ledger.badMoment', { at: at ?? '' }));
    if (moment.getTime() > now.getTime() + CLOCK_SLACK_MS)
      throw new ConfigError(message('ledger.momentAhead', { at: at ?? '' }));
    const entry: Omit<LedgerEntry, 'id'> = {
      kind,
      amount: checked.data,
      at: moment.toISOString(),
      recordedAt: now.toISOString(),
    };
    let note: Message | null = null;
    // Stated now: what the vendor reports for today so far is already out of this balance. A balance stated
    // for an earlier moment today is shared out by the hour instead (estimate.ts): today's costs so far include
    // some spent after it.
    if (kind === 'balance' && Math.abs(moment.getTime() - now.getTime()) <= CLOCK_SLACK_MS) {
      const read = await refreshAccount(account, this.deps.refresh);
      const today = read.error
        ? undefined
        : read.snapshot?.extras.costDays?.find((d) => d.day === utcDay(now.getTime()));
      if (today && !today.amount.startsWith('-')) entry.spentEarlierThatDay = today.amount;
      else if (read.error) note = message('ledger.sharedOut');
    }
    const added = await this.deps.ledger.add(accountId, entry);
    return { entry: added, snapshot: await this.estimateNow(accountId), note };
  }

  /** Removes a mistyped entry; the estimate goes back to what the others give. */
  async remove(
    accountId: string,
    entryId: string,
  ): Promise<{ entry: LedgerEntry; snapshot: Snapshot | null }> {
    this.ledgerAccount(accountId);
    const entry = await this.deps.ledger.remove(accountId, entryId);
    if (!entry) throw new ConfigError(message('ledger.noEntry', { entry: entryId, id: accountId }));
    return { entry, snapshot: await this.estimateNow(accountId) };
  }

  /** The last value read, estimated again with the ledger as it is now, and kept as the account's value. */
  private async estimateNow(accountId: string): Promise<Snapshot | null> {
    const account = this.ledgerAccount(accountId);
    const { cache } = this.deps.refresh;
    const cached = await cache.read(accountId).catch(() => null);
    if (!cached) return null;
    const snapshot = withLedger(cached, await this.deps.ledger.entries(accountId), this.deps.now());
    await cache.write(accountId, snapshot, accountIdentity(account)).catch(() => undefined);
    return snapshot;
  }
}

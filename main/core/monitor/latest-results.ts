import type { SparkPoint } from '../../../shared/app-state';
import { type Account, accountIdentity } from '../../../shared/config';
import { ERROR_KINDS } from '../../../shared/error-kinds';
import type { ErrorKind, Snapshot } from '../../../shared/model';
import type { Forecast } from '../alerts/forecast';
import type { AccountResult } from './refresh-account';

/** What is known of one account now: its last result and what came with it. */
export interface LatestEntry {
  /** The account as monitored (default thresholds filled in from settings). */
  account: Account;
  /** The last poll's result, or the cached value before the first poll (stale, no error). */
  result: AccountResult;
  forecast: Forecast | null;
  /** When the last poll finished (ISO); null before the first. */
  at: string | null;
  /** Polls that reached the provider since this process started (no key, or no keychain, sends nothing). */
  requests: number;
  /** Failed polls since this process started, by kind. */
  errors: ReadonlyMap<ErrorKind, number>;
  /** The last 30 days, downsampled; absent until the history was read. */
  sparkline?: SparkPoint[];
}

function freshEntry(account: Account): LatestEntry {
  return {
    account,
    result: { account, snapshot: null, stale: false, error: null },
    forecast: null,
    at: null,
    requests: 0,
    errors: new Map(),
  };
}

/**
 * The one owner of the last result per account in a running process. The popover's state, the tray and the
 * metrics endpoint are projections of it; nothing else keeps a copy. An account whose provider, host or user
 * changed is a new account here: the old host's value, counts and sparkline go at once, and a poll of the old
 * host that lands afterwards is dropped.
 */
export class LatestResults {
  private readonly entries = new Map<string, LatestEntry>();

  /** The config's accounts: new ones start empty, removed and re-pointed ones go, kept ones keep their values. */
  setAccounts(accounts: readonly Account[]): void {
    const ids = new Set(accounts.map((a) => a.id));
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
    for (const account of accounts) {
      const known = this.entries.get(account.id);
      if (known && accountIdentity(known.account) === accountIdentity(account)) {
        this.entries.set(account.id, { ...known, account, result: { ...known.result, account } });
      } else {
        this.entries.set(account.id, freshEntry(account));
      }
    }
  }

  /** The last value kept on disk, shown stale until the first poll answers; ignored once anything is known. */
  seed(accountId: string, snapshot: Snapshot | null): void {
    const entry = this.entries.get(accountId);
    if (!entry || !snapshot || entry.at !== null || entry.result.snapshot) return;
    this.entries.set(accountId, { ...entry, result: { ...entry.result, snapshot, stale: true } });
  }

  /** Whether the account still needs its cached value read (nothing polled or seeded yet). */
  unseeded(accountId: string): boolean {
    const entry = this.entries.get(accountId);
    return entry !== undefined && entry.at === null && entry.result.snapshot === null;
  }

  /**
   * A poll's result; false (and nothing kept) when the account is gone or now names another host or user. A
   * sparkline, when the poll brought none, stays as it was.
   */
  record(result: AccountResult, forecast: Forecast | null, at: Date, sparkline?: SparkPoint[]): boolean {
    const entry = this.entries.get(result.account.id);
    if (!entry || accountIdentity(entry.account) !== accountIdentity(result.account)) return false;
    const errors = new Map(entry.errors);
    if (result.error) errors.set(result.error.kind, (errors.get(result.error.kind) ?? 0) + 1);
    this.entries.set(result.account.id, {
      ...entry,
      result: { ...result, account: entry.account },
      // A failed poll keeps the forecast the last good one made.
      forecast: forecast ?? entry.forecast,
      at: at.toISOString(),
      requests: entry.requests + (result.error && ERROR_KINDS[result.error.kind].sendsNothing ? 0 : 1),
      errors,
      ...(sparkline ? { sparkline } : {}),
    });
    return true;
  }

  /** A sparkline read from history at start; a poll that came first keeps the newer one it brought. */
  offerSparkline(accountId: string, sparkline: SparkPoint[]): void {
    const entry = this.entries.get(accountId);
    if (entry && !entry.sparkline) this.entries.set(accountId, { ...entry, sparkline });
  }

  get(accountId: string): LatestEntry | undefined {
    return this.entries.get(accountId);
  }

  list(): LatestEntry[] {
    return [...this.entries.values()];
  }
}

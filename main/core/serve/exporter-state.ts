import type { Account } from '../../../shared/config';
import type { AccountStatus, ErrorKind } from '../../../shared/model';
import type { Forecast } from '../alerts/forecast';
import type { AccountResult } from '../monitor/refresh-account';
import { toAccountStatus } from '../present/account-status';

/** What the exporter knows of one account: its last result, forecast and counts since the process started. */
export interface ExportedAccount {
  account: Account;
  /** The last poll's result, or the cached value before the first poll (stale, no error). */
  result: AccountResult;
  /** Whether a poll has answered since this process started. */
  polled: boolean;
  forecast: Forecast | null;
  /** Polls that reached the provider (a missing key sends nothing). */
  requests: number;
  errors: Map<ErrorKind, number>;
}

/**
 * The monitor's state as a scrape reads it: filled by the monitor's events, never by a scrape, so reading
 * `/metrics` or `/api/v1/accounts` costs no provider request. An account keeps its last values while it fails.
 */
export class ExporterState {
  private readonly accounts = new Map<string, ExportedAccount>();

  /** The config's accounts: new ones appear (with their cached value), removed ones go, kept ones keep counts. */
  setAccounts(accounts: readonly Account[], cached: (id: string) => AccountResult['snapshot']): void {
    const ids = new Set(accounts.map((a) => a.id));
    for (const id of this.accounts.keys()) if (!ids.has(id)) this.accounts.delete(id);
    for (const account of accounts) {
      const known = this.accounts.get(account.id);
      if (known) {
        known.account = account;
        known.result = { ...known.result, account };
        continue;
      }
      const snapshot = cached(account.id);
      this.accounts.set(account.id, {
        account,
        result: { account, snapshot, stale: snapshot !== null, error: null },
        polled: false,
        forecast: null,
        requests: 0,
        errors: new Map(),
      });
    }
  }

  has(accountId: string): boolean {
    return this.accounts.has(accountId);
  }

  record(result: AccountResult, forecast: Forecast | null): void {
    const entry = this.accounts.get(result.account.id);
    if (!entry) return;
    entry.result = result;
    entry.polled = true;
    if (forecast) entry.forecast = forecast;
    if (result.error?.kind !== 'no_credentials') entry.requests++;
    if (result.error) entry.errors.set(result.error.kind, (entry.errors.get(result.error.kind) ?? 0) + 1);
  }

  list(): ExportedAccount[] {
    return [...this.accounts.values()];
  }

  /** The same shape `status --json` prints. */
  statuses(now: Date): AccountStatus[] {
    return this.list().map((entry) => toAccountStatus(entry.result, now));
  }
}

import { type Account, accountIdentity } from '../../../shared/config';
import type { LedgerEntry } from '../../../shared/ledger';
import { message } from '../../../shared/message';
import type { ProviderError, Snapshot } from '../../../shared/model';
import { hasCredential, keepsLedger, PROVIDERS } from '../../../shared/providers';
import { AppFailure, ConfigError } from '../errors';
import { type CostPlan, planCosts } from '../ledger/cost-window';
import { withFreshCosts, withLedger, withSpentTotal } from '../ledger/ledger-snapshot';
import { scrubMessage, toProviderError } from '../providers/failure';
import type { HttpClient } from '../providers/http';
import { pollerFor } from '../providers/registry';
import { NO_CACHE, type SnapshotCache } from '../store/cache';
import type { SecretResolver } from '../store/secrets';

export interface RefreshDeps {
  http: HttpClient;
  secrets: SecretResolver;
  cache: SnapshotCache;
  now: () => Date;
  /** One deadline for a whole poll, every page and endpoint included (default one minute). */
  pollDeadlineMs?: number;
  /** The stated balances and top-ups of ledger accounts; none when not given (testing a key). */
  ledger?: LedgerReader;
}

export interface LedgerReader {
  entries(accountId: string): Promise<LedgerEntry[]>;
}

/** A poll that reads many pages slowly must not hold a `status` for minutes: all its requests share this. */
export const POLL_DEADLINE_MS = 60_000;

/** What one poll of one account came to: a fresh snapshot, or the last known one (stale) beside the error. */
export interface AccountResult {
  account: Account;
  snapshot: Snapshot | null;
  stale: boolean;
  error: ProviderError | null;
}

export async function refreshAccount(
  account: Account,
  deps: RefreshDeps,
  signal?: AbortSignal,
): Promise<AccountResult> {
  let secret: string | undefined;
  const deadlineMs = deps.pollDeadlineMs ?? POLL_DEADLINE_MS;
  // Cleared when the poll ends: an idle monitor should not wake a minute after every poll for nothing.
  const expiry = new AbortController();
  const timer = setTimeout(() => expiry.abort(), deadlineMs);
  timer.unref?.();
  const deadline = expiry.signal;
  const ledger = keepsLedger(account);
  // Null until read: a ledger that could not be read leaves the last estimate as it was.
  let entries: LedgerEntry[] | null = null;
  try {
    secret = hasCredential(account.provider) ? await deps.secrets(account.id) : '';
    const now = deps.now();
    let plan: CostPlan | null = null;
    let last: Snapshot | null = null;
    if (ledger) {
      // A ledger that cannot be read is said as this account's problem; the balance is not estimated without it.
      entries =
        (await deps.ledger?.entries(account.id).catch((error: unknown) => {
          throw error instanceof ConfigError ? new AppFailure('config', error.said) : error;
        })) ?? [];
      last = await deps.cache.read(account.id).catch(() => null);
      // A cost report is asked from a day on; a running total of spend is read whole each time.
      if (PROVIDERS[account.provider].ledger) plan = planCosts(entries, last?.extras.costDays ?? [], now);
    }
    const polled = await pollerFor(account.provider)
      .poll({
        account,
        secret,
        http: deps.http,
        now,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        ...(plan ? { costsFrom: plan.from } : {}),
      })
      .catch((error: unknown) => {
        if (deadline.aborted && !signal?.aborted) {
          throw new AppFailure(
            'timeout',
            message('poll.deadline', { seconds: Math.round(deadlineMs / 1000) }),
          );
        }
        throw error;
      });
    const snapshot = !ledger
      ? polled
      : plan
        ? withFreshCosts(polled, plan, entries ?? [], now)
        : withSpentTotal(polled, last, entries ?? [], now);
    // A cache write that fails (disk full, read-only) must not hide a good answer from the person.
    await deps.cache.write(account.id, snapshot, accountIdentity(account)).catch(() => undefined);
    return { account, snapshot, stale: false, error: null };
  } catch (thrown) {
    const error = toProviderError(thrown);
    error.message = scrubMessage(error.message, secret);
    const cached = await deps.cache.read(account.id).catch(() => null);
    // A balance stated while the vendor cannot be reached still changes the estimate from the costs known.
    const lastKnown = cached && entries ? withLedger(cached, entries, deps.now()) : cached;
    return { account, snapshot: lastKnown, stale: lastKnown !== null, error };
  } finally {
    clearTimeout(timer);
  }
}

/** One fetch with a key the person has just given, before anything is saved: nothing is read from or left in the cache. */
export function testAccount(
  account: Account,
  key: string,
  deps: Pick<RefreshDeps, 'http' | 'now'>,
): Promise<AccountResult> {
  return refreshAccount(account, { ...deps, secrets: async () => key, cache: NO_CACHE });
}

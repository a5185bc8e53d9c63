import { type Account, accountIdentity } from '../../../shared/config';
import { message } from '../../../shared/message';
import type { ProviderError, Snapshot } from '../../../shared/model';
import { hasCredential } from '../../../shared/providers';
import { AppFailure } from '../errors';
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
  try {
    secret = hasCredential(account.provider) ? await deps.secrets(account.id) : '';
    const snapshot = await pollerFor(account.provider)
      .poll({
        account,
        secret,
        http: deps.http,
        now: deps.now(),
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
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
    // A cache write that fails (disk full, read-only) must not hide a good answer from the person.
    await deps.cache.write(account.id, snapshot, accountIdentity(account)).catch(() => undefined);
    return { account, snapshot, stale: false, error: null };
  } catch (thrown) {
    const error = toProviderError(thrown);
    error.message = scrubMessage(error.message, secret);
    const lastKnown = await deps.cache.read(account.id).catch(() => null);
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

import type { Account } from '../../../shared/config';
import type { ProviderError, Snapshot } from '../../../shared/model';
import { hasCredential } from '../../../shared/providers';
import { scrubSecret, toProviderError } from '../providers/failure';
import type { HttpClient } from '../providers/http';
import { pollerFor } from '../providers/registry';
import { NO_CACHE, type SnapshotCache } from '../store/cache';
import type { SecretResolver } from '../store/secrets';

export interface RefreshDeps {
  http: HttpClient;
  secrets: SecretResolver;
  cache: SnapshotCache;
  now: () => Date;
}

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
  try {
    secret = hasCredential(account.provider) ? await deps.secrets(account.id) : '';
    const snapshot = await pollerFor(account.provider).poll({
      account,
      secret,
      http: deps.http,
      now: deps.now(),
      ...(signal ? { signal } : {}),
    });
    // A cache write that fails (disk full, read-only) must not hide a good answer from the person.
    await deps.cache.write(account.id, snapshot).catch(() => undefined);
    return { account, snapshot, stale: false, error: null };
  } catch (thrown) {
    const error = toProviderError(thrown);
    error.message = scrubSecret(error.message, secret);
    const lastKnown = await deps.cache.read(account.id).catch(() => null);
    return { account, snapshot: lastKnown, stale: lastKnown !== null, error };
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

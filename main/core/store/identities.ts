import { readFile } from 'node:fs/promises';
import { type Account, accountIdentity, sameIdentity } from '../../../shared/config';
import { z } from '../../../shared/zod';
import { writePrivateFile } from './private-file';

const IdentitiesFile = z.object({ version: z.literal(1), accounts: z.record(z.string(), z.string()) });

/**
 * Which account each id stood for when its cache, history and alert state were written. An id whose provider,
 * host, endpoint or user id has changed since gets none of the old account's data: a value read from another
 * host is not this account's "last known value". An id taken out of the config by hand keeps its entry while its
 * data is on disk, so the same id added back as another account is told apart; `forget` drops it with the data.
 */
export class IdentityIndex {
  constructor(private readonly file: string) {}

  private async load(): Promise<Map<string, string> | null> {
    try {
      const parsed = IdentitiesFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? new Map(Object.entries(parsed.data.accounts)) : null;
    } catch {
      return null;
    }
  }

  /**
   * The ids whose identity changed since their data was written; records the accounts' identities as they are
   * now. Where the index has no entry (it was lost, or predates the id), `recorded` says what the data itself
   * records (the cache's identity); where neither can tell, nothing is dropped.
   */
  async changed(
    accounts: readonly Account[],
    recorded: (accountId: string) => Promise<string | null> = async () => null,
  ): Promise<string[]> {
    const known = (await this.load()) ?? new Map<string, string>();
    const next = new Map(known);
    const changed: string[] = [];
    for (const account of accounts) {
      const identity = accountIdentity(account);
      const before = known.get(account.id) ?? (await recorded(account.id).catch(() => null));
      if (before !== null && !sameIdentity(before, identity)) changed.push(account.id);
      next.set(account.id, identity);
    }
    await this.save(known, next);
    return changed;
  }

  /** The account and its data are gone: its entry goes too. */
  async forget(accountId: string): Promise<void> {
    const known = (await this.load()) ?? new Map<string, string>();
    const next = new Map(known);
    next.delete(accountId);
    await this.save(known, next);
  }

  private async save(known: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): Promise<void> {
    const same = known.size === next.size && [...next].every(([id, identity]) => known.get(id) === identity);
    if (same) return;
    const body = { version: 1 as const, accounts: Object.fromEntries(next) };
    await writePrivateFile(this.file, JSON.stringify(body)).catch(() => undefined);
  }
}

import { readFile } from 'node:fs/promises';
import { type Account, accountIdentity } from '../../../shared/config';
import { z } from '../../../shared/zod';
import { writePrivateFile } from './private-file';

const IdentitiesFile = z.object({ version: z.literal(1), accounts: z.record(z.string(), z.string()) });

/**
 * Which account each id stood for when its cache, history and alert state were written. An id whose provider,
 * host, endpoint or user id has changed since gets none of the old account's data: a value read from another
 * host is not this account's "last known value".
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
   * now. With no index yet (a data dir from before it existed) nothing can be told, and nothing is dropped.
   */
  async changed(accounts: readonly Account[]): Promise<string[]> {
    const known = await this.load();
    const now = new Map(accounts.map((a) => [a.id, accountIdentity(a)]));
    const changed = known
      ? [...now].filter(([id, identity]) => known.has(id) && known.get(id) !== identity)
      : [];
    const same =
      known && known.size === now.size && [...now].every(([id, identity]) => known.get(id) === identity);
    if (!same) {
      const body = { version: 1 as const, accounts: Object.fromEntries(now) };
      await writePrivateFile(this.file, JSON.stringify(body)).catch(() => undefined);
    }
    return changed.map(([id]) => id);
  }
}

import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { Snapshot } from '../../../shared/model';

const CacheFile = z.object({ version: z.literal(1), accountId: z.string(), snapshot: Snapshot });

/** The last good snapshot per account, so a failed fetch or a cold start still has something true to show. */
export interface SnapshotCache {
  read(accountId: string): Promise<Snapshot | null>;
  write(accountId: string, snapshot: Snapshot): Promise<void>;
}

export function createSnapshotCache(cacheDir: string): SnapshotCache {
  const fileOf = (accountId: string) => path.join(cacheDir, `${accountId}.json`);
  return {
    async read(accountId) {
      const file = fileOf(accountId);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const parsed = (() => {
        try {
          return CacheFile.safeParse(JSON.parse(text));
        } catch {
          return null;
        }
      })();
      if (parsed?.success && parsed.data.accountId === accountId) return parsed.data.snapshot;
      // Keep the bad file for a post-mortem but out of the way, so the next good fetch starts clean.
      await rename(file, `${file}.bad`).catch(() => undefined);
      return null;
    },
    async write(accountId, snapshot) {
      await mkdir(cacheDir, { recursive: true, mode: 0o700 });
      const body = JSON.stringify({ version: 1, accountId, snapshot } satisfies z.infer<typeof CacheFile>);
      await writeFileAtomic(fileOf(accountId), body, { mode: 0o600, fsync: true });
    },
  };
}

import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Snapshot } from '../../../shared/model';
import { z } from '../../../shared/zod';
import { writePrivateFile } from './private-file';

const CacheFile = z.object({ version: z.literal(1), accountId: z.string(), snapshot: Snapshot });

/** The last good snapshot per account, so a failed fetch or a cold start still has something true to show. */
export interface SnapshotCache {
  read(accountId: string): Promise<Snapshot | null>;
  write(accountId: string, snapshot: Snapshot): Promise<void>;
  remove(accountId: string): Promise<void>;
}

/** For a fetch that must leave nothing behind (testing a key before it is saved). */
export const NO_CACHE: SnapshotCache = {
  read: async () => null,
  write: async () => undefined,
  remove: async () => undefined,
};

export function createSnapshotCache(cacheDir: string): SnapshotCache {
  const fileOf = (accountId: string) => path.join(cacheDir, `${accountId}.json`);
  // What this process last wrote or read: a failed poll needs the last value, and it should not cost a disk read.
  const memory = new Map<string, Snapshot>();
  return {
    async read(accountId) {
      const known = memory.get(accountId);
      if (known) return known;
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
      if (parsed?.success && parsed.data.accountId === accountId) {
        memory.set(accountId, parsed.data.snapshot);
        return parsed.data.snapshot;
      }
      // Keep the bad file for a post-mortem but out of the way, so the next good fetch starts clean.
      await rename(file, `${file}.bad`).catch(() => undefined);
      return null;
    },
    async write(accountId, snapshot) {
      // Remembered even if the disk write then fails: it is still the last value this process saw.
      memory.set(accountId, snapshot);
      await mkdir(cacheDir, { recursive: true, mode: 0o700 });
      const body = JSON.stringify({ version: 1, accountId, snapshot } satisfies z.infer<typeof CacheFile>);
      await writePrivateFile(fileOf(accountId), body);
    },
    async remove(accountId) {
      memory.delete(accountId);
      await rm(fileOf(accountId), { force: true });
    },
  };
}

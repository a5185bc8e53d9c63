import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Snapshot } from '../../../shared/model';
import { z } from '../../../shared/zod';
import { writePrivateFile } from './private-file';

/**
 * Version 2 records which account the value was read for (`accountIdentity`: provider, host, endpoint, user), so
 * an id pointed elsewhere can be told even when identities.json is gone. Version 1 files are read as before.
 */
const CachedForecast = z.object({
  burnPerDay: z.nullable(z.number()),
  daysLeft: z.nullable(z.number()),
  emptyAt: z.nullable(z.string()),
  quotaPercentAtEnd: z.nullable(z.number()),
  lastTopUp: z.optional(z.nullable(z.object({ at: z.string(), after: z.number() }))),
});
export type CachedForecast = z.infer<typeof CachedForecast>;

const CacheFile = z.union([
  z.object({ version: z.literal(1), accountId: z.string(), snapshot: Snapshot }),
  z.object({
    version: z.literal(2),
    accountId: z.string(),
    identity: z.string(),
    snapshot: Snapshot,
    /**
     * What the monitor last forecast from the history (the runway at the recent pace), kept here so a one-shot
     * `status` says it without decoding a year of history.
     */
    forecast: z.optional(CachedForecast),
  }),
]);

/** The last good snapshot per account, so a failed fetch or a cold start still has something true to show. */
export interface SnapshotCache {
  read(accountId: string): Promise<Snapshot | null>;
  write(accountId: string, snapshot: Snapshot, identity: string): Promise<void>;
  /** Which account the cached value was read for; null when no cache says (none, or an older file). */
  identity(accountId: string): Promise<string | null>;
  /** The forecast the monitor last made for the cached value; null when none was kept. */
  forecast(accountId: string): Promise<CachedForecast | null>;
  /** Keeps the monitor's forecast beside the cached value (written only when it changed). */
  keepForecast(accountId: string, forecast: CachedForecast): Promise<void>;
  remove(accountId: string): Promise<void>;
}

/** For a fetch that must leave nothing behind (testing a key before it is saved). */
export const NO_CACHE: SnapshotCache = {
  read: async () => null,
  write: async () => undefined,
  identity: async () => null,
  forecast: async () => null,
  keepForecast: async () => undefined,
  remove: async () => undefined,
};

export function createSnapshotCache(cacheDir: string): SnapshotCache {
  const fileOf = (accountId: string) => path.join(cacheDir, `${accountId}.json`);
  // What this process last wrote or read: a failed poll needs the last value, and it should not cost a disk read.
  const memory = new Map<string, Snapshot>();
  const identities = new Map<string, string>();
  const forecasts = new Map<string, CachedForecast>();
  const save = async (accountId: string) => {
    const snapshot = memory.get(accountId);
    const identity = identities.get(accountId);
    if (!snapshot || identity === undefined) return;
    const forecast = forecasts.get(accountId);
    await mkdir(cacheDir, { recursive: true, mode: 0o700 });
    const body = { version: 2 as const, accountId, identity, snapshot, ...(forecast ? { forecast } : {}) };
    await writePrivateFile(fileOf(accountId), JSON.stringify(body satisfies z.infer<typeof CacheFile>));
  };
  const load = async (accountId: string): Promise<z.infer<typeof CacheFile> | null> => {
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
    if (parsed?.success && parsed.data.accountId === accountId) return parsed.data;
    // Keep the bad file for a post-mortem but out of the way, so the next good fetch starts clean.
    await rename(file, `${file}.bad`).catch(() => undefined);
    return null;
  };
  /** The file read once, what it holds remembered: reconcile, a poll and status each ask for part of it. */
  const loaded = async (
    accountId: string,
  ): Promise<{ snapshot: Snapshot; identity: string | null; forecast: CachedForecast | null } | null> => {
    const cached = await load(accountId);
    if (!cached) return null;
    memory.set(accountId, cached.snapshot);
    const identity = cached.version === 2 ? cached.identity : null;
    const forecast = cached.version === 2 ? (cached.forecast ?? null) : null;
    if (identity !== null) identities.set(accountId, identity);
    if (forecast) forecasts.set(accountId, forecast);
    return { snapshot: cached.snapshot, identity, forecast };
  };
  return {
    async read(accountId) {
      const known = memory.get(accountId);
      if (known) return known;
      return (await loaded(accountId))?.snapshot ?? null;
    },
    async identity(accountId) {
      const known = identities.get(accountId);
      if (known) return known;
      return (await loaded(accountId))?.identity ?? null;
    },
    async write(accountId, snapshot, identity) {
      // The monitor's forecast stays with the value until it makes the next one (a one-shot status writes the
      // value, never a forecast): read from the file once, if this process has not seen it.
      if (!memory.has(accountId)) await loaded(accountId).catch(() => null);
      if (identities.get(accountId) !== undefined && identities.get(accountId) !== identity)
        forecasts.delete(accountId);
      // Remembered even if the disk write then fails: it is still the last value this process saw.
      memory.set(accountId, snapshot);
      identities.set(accountId, identity);
      await save(accountId);
    },
    async forecast(accountId) {
      const known = forecasts.get(accountId);
      if (known) return known;
      return (await loaded(accountId))?.forecast ?? null;
    },
    async keepForecast(accountId, forecast) {
      if (JSON.stringify(forecasts.get(accountId)) === JSON.stringify(forecast)) return;
      forecasts.set(accountId, forecast);
      await save(accountId);
    },
    async remove(accountId) {
      memory.delete(accountId);
      identities.delete(accountId);
      forecasts.delete(accountId);
      await rm(fileOf(accountId), { force: true });
    },
  };
}

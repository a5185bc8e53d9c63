import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadLockfile } from './lockfile';

/** How often the owner refreshes its claim, and how old a claim must be to count as a crashed owner's. */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 30_000;

export interface MonitorClaim {
  release(): Promise<void>;
}

/**
 * One process at a time owns polling side effects for a data dir: delivering alerts, saving alert state, writing
 * and compacting history. The desktop app, `watch` and `serve` each claim it; a second one runs read-only rather
 * than deliver every alert twice. A claim whose owner died (no heartbeat for 30 s) is taken over.
 * Null when another live process holds it. When no lock can be made at all (a full or read-only disk), this
 * process monitors without one: alerts still reach the person, and the failing writes say why as before.
 */
export async function claimMonitoring(dataDir: string): Promise<MonitorClaim | null> {
  const lockfile = await loadLockfile();
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const release = await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: path.join(dataDir, 'monitor.lock'),
      stale: STALE_MS,
      update: HEARTBEAT_MS,
      retries: 0,
      // A claim taken over while this process was suspended: it carries on read-write until it stops.
      onCompromised: () => undefined,
    });
    return { release: () => release().catch(() => undefined) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    return { release: async () => undefined };
  }
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadLockfile } from './lockfile';

/** What one try at the claim on a data dir's monitoring gave. */
export type ClaimTry =
  | { claimed: true; release: () => Promise<void> }
  /** Another live process holds it. */
  | { claimed: false };

/**
 * Tries once to claim a data dir's monitoring (`monitor.lock`, refreshed every `heartbeatMs`, another's taken when
 * not refreshed for `staleMs`). `compromised` is called if another process takes it later. When no lock can be
 * made there at all (a full or read-only disk), the claim is granted without one: alerts still reach the person.
 */
export async function tryMonitorLock(
  dataDir: string,
  timing: { heartbeatMs: number; staleMs: number },
  compromised: () => void,
): Promise<ClaimTry> {
  const lockfile = await loadLockfile();
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const release = await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: path.join(dataDir, 'monitor.lock'),
      stale: timing.staleMs,
      update: timing.heartbeatMs,
      retries: 0,
      onCompromised: compromised,
    });
    return { claimed: true, release: () => release().catch(() => undefined) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return { claimed: false };
    return { claimed: true, release: async () => undefined };
  }
}

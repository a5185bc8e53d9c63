import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { message } from '../../../shared/message';
import { ConfigError } from '../errors';
import { writeProblem } from './config-file';

/**
 * proper-lockfile, loaded when a lock is first taken: it patches `fs` as it loads (42 ms here), which a read-only
 * `status` never needs. Used for the config's change lock and for the claim on a data dir's monitoring.
 */
export async function loadLockfile(): Promise<Pick<typeof import('proper-lockfile'), 'lock'>> {
  const loaded = await import('proper-lockfile');
  return loaded.default ?? loaded;
}

/**
 * The lock a read-change-write of a data file holds (the config, the ledger), shared by every process on the data
 * dir. Waits a few seconds for another process's change to finish; a lock left by a killed process is taken over
 * once its heartbeat is 10 s old. Anything but a held lock (a read-only folder, say) is said at once.
 */
export async function lockForChange(file: string): Promise<() => Promise<void>> {
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw writeProblem(file, error);
  }
  const lockfile = await loadLockfile();
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(file, { realpath: false, lockfilePath: `${file}.lock`, stale: 10_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw writeProblem(file, error);
      if (attempt >= 50) throw new ConfigError(message('config.busy', { file }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The built CLI keeps its compiled code in the person's cache folder; the bench's CLIs get a folder of their own.
const cacheHome = mkdtempSync(path.join(tmpdir(), 'creditbar-bench-cache-'));

/** What every CLI the bench starts gets: PATH, the bench's own cache folder, and what the caller adds. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome, ...extra };
}

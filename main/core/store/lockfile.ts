/**
 * proper-lockfile, loaded when a lock is first taken: it patches `fs` as it loads (42 ms here), which a read-only
 * `status` never needs. Used for the config's change lock and for the claim on a data dir's monitoring.
 */
export async function loadLockfile(): Promise<Pick<typeof import('proper-lockfile'), 'lock'>> {
  const loaded = await import('proper-lockfile');
  return loaded.default ?? loaded;
}

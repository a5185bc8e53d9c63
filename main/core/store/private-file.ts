/**
 * Writes a file only this user can read, atomically and flushed to disk. write-file-atomic is loaded on the first
 * write: with node:crypto behind it, loading it took about 10 ms of every `creditbar status`, which mostly writes
 * nothing.
 */
export async function writePrivateFile(file: string, text: string): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(file, text, { mode: 0o600, fsync: true });
}

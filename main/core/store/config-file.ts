import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigFile, describeIssues } from '../../../shared/config';
import { ConfigError } from '../errors';
import { writePrivateFile } from './private-file';

/** Reads and validates the config; null when there is none yet. Never writes: a bad file is left for the person. */
export async function readConfig(file: string): Promise<ConfigFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return null;
    throw new ConfigError(
      `Cannot read ${file}: ${PROBLEMS[code] ?? (code || 'unknown error')}. Nothing was changed.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${file} has problems:\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

const PROBLEMS: Record<string, string> = {
  EROFS: 'the folder is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a file stands where its folder should be',
  EISDIR: 'a folder stands where the file should be',
};

/** A failed write in words a person can act on, naming the file. */
export function writeProblem(file: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new ConfigError(
    `Cannot write ${file}: ${PROBLEMS[code] ?? (code || 'unknown error')}. Nothing was changed.`,
  );
}

/** Writes the whole config atomically (temp file, fsync, rename), readable by its owner only. */
export async function writeConfig(file: string, config: ConfigFile): Promise<void> {
  const parsed = ConfigFile.parse(config);
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writePrivateFile(file, `${JSON.stringify(parsed, null, 2)}\n`);
  } catch (error) {
    throw writeProblem(file, error);
  }
}

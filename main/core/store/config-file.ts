import { readFile } from 'node:fs/promises';
import { ConfigFile, describeIssues } from '../../../shared/config';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the config; null when there is none yet. Never writes: a bad file is left for the person. */
export async function readConfig(file: string): Promise<ConfigFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
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

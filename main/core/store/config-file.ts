import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigFile, describeIssues } from '../../../shared/config';
import { migrateConfig } from '../../../shared/config-migration';
import type { MessageKey } from '../../../shared/i18n/catalog';
import { type Message, message } from '../../../shared/message';
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
    throw new ConfigError(message('config.cannotRead', { file, problem: problemText(code) }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(message('config.notJson', { file, detail: (error as Error).message }));
  }
  // An older version is read as today's: its JSON pointers become expressions (config-migration.ts).
  const migrated = migrateConfig(json);
  if (migrated.issues.length > 0)
    throw new ConfigError(message('config.problemsList', { file, issues: describeIssues(migrated) }));
  const parsed = ConfigFile.safeParse(migrated.config);
  if (!parsed.success)
    throw new ConfigError(message('config.problemsList', { file, issues: describeIssues(parsed.error) }));
  return parsed.data;
}

const PROBLEMS: Record<string, MessageKey> = {
  EROFS: 'disk.readOnly',
  ENOSPC: 'disk.full',
  EDQUOT: 'disk.quota',
  EACCES: 'disk.denied',
  EPERM: 'disk.denied',
  ENOTDIR: 'disk.notDir',
  EISDIR: 'disk.isDir',
};

/** A file system error code in words; the code itself when there are none for it. */
function problemText(code: string): Message {
  const key = PROBLEMS[code];
  return key ? message(key) : code ? message('text.asIs', { text: code }) : message('disk.unknown');
}

/** A failed write in words a person can act on, naming the file. */
export function writeProblem(file: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new ConfigError(message('config.cannotWrite', { file, problem: problemText(code) }));
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

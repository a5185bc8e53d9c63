import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describeIssues } from '../../../shared/config';
import { type LedgerEntry, LedgerFile } from '../../../shared/ledger';
import { message } from '../../../shared/message';
import { ConfigError } from '../errors';
import { writeProblem } from './config-file';
import { lockForChange } from './lockfile';
import { writePrivateFile } from './private-file';

const EMPTY: LedgerFile = { version: 1, accounts: {} };

/**
 * The balances and top-ups a person wrote down (ledger.json in the data dir). It is their data, not a cache: a
 * file that does not validate is never set aside or written over; every read refuses with what is wrong, and
 * every change waits until the person fixes it. Changes are made under the data dir's lock and written atomically,
 * so neither a crash nor a second process loses an entry.
 */
export class LedgerStore {
  constructor(readonly file: string) {}

  private async read(): Promise<LedgerFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
      throw writeProblem(this.file, error);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(message('config.notJson', { file: this.file, detail: (error as Error).message }));
    }
    const parsed = LedgerFile.safeParse(json);
    if (!parsed.success)
      throw new ConfigError(
        message('config.problemsList', { file: this.file, issues: describeIssues(parsed.error) }),
      );
    return parsed.data;
  }

  /** One account's entries, in the order they were made. */
  async entries(accountId: string): Promise<LedgerEntry[]> {
    return (await this.read()).accounts[accountId] ?? [];
  }

  private async change<T>(edit: (fresh: LedgerFile) => { next: LedgerFile; result: T }): Promise<T> {
    const release = await lockForChange(this.file);
    try {
      const { next, result } = edit(await this.read());
      try {
        await writePrivateFile(this.file, `${JSON.stringify(LedgerFile.parse(next), null, 2)}\n`);
      } catch (error) {
        throw writeProblem(this.file, error);
      }
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Adds an entry, given an id of its own (short and random: what the person types to remove it). */
  async add(accountId: string, fields: Omit<LedgerEntry, 'id'>): Promise<LedgerEntry> {
    const entry: LedgerEntry = { id: randomBytes(4).toString('hex'), ...fields };
    await this.change((fresh) => ({
      next: {
        ...fresh,
        accounts: { ...fresh.accounts, [accountId]: [...(fresh.accounts[accountId] ?? []), entry] },
      },
      result: undefined,
    }));
    return entry;
  }

  /** Removes a mistyped entry; the entry removed, or null when the account has none by that id. */
  async remove(accountId: string, entryId: string): Promise<LedgerEntry | null> {
    return this.change((fresh) => {
      const entries = fresh.accounts[accountId] ?? [];
      const removed = entries.find((e) => e.id === entryId) ?? null;
      return {
        next: {
          ...fresh,
          accounts: { ...fresh.accounts, [accountId]: entries.filter((e) => e.id !== entryId) },
        },
        result: removed,
      };
    });
  }

  /** The account was removed: its entries go with it (as its history does). */
  async forget(accountId: string): Promise<void> {
    if ((await this.entries(accountId).catch(() => [])).length === 0) return;
    await this.change((fresh) => {
      const accounts = Object.fromEntries(Object.entries(fresh.accounts).filter(([id]) => id !== accountId));
      return { next: { ...fresh, accounts }, result: undefined };
    });
  }
}

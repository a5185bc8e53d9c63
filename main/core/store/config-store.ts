import { rm } from 'node:fs/promises';
import {
  Account,
  AccountPatch,
  applyPatch,
  type ConfigFile,
  describeIssues,
  Settings,
  SettingsPatch,
} from '../../../shared/config';
import { ConfigError } from '../errors';
import { readConfig, writeConfig } from './config-file';

const EMPTY: ConfigFile = { version: 1, accounts: [] };

/**
 * The one owner of the config file in a running process: every reader asks it, every change goes through it as a
 * patch, validated whole by the same schema that reads the file, written atomically, then announced. Nothing else
 * keeps a copy.
 */
export class ConfigStore {
  private current: ConfigFile;
  /** Whether the file exists: a first add that must be undone removes it rather than leave an empty one. */
  private onDisk: boolean;
  private readonly listeners = new Set<(config: ConfigFile) => void>();

  private constructor(
    readonly file: string,
    initial: ConfigFile | null,
  ) {
    this.current = initial ?? EMPTY;
    this.onDisk = initial !== null;
  }

  /** Reads and validates the file (a bad one throws a ConfigError naming the field, and is left untouched). */
  static async open(file: string): Promise<ConfigStore> {
    return new ConfigStore(file, await readConfig(file));
  }

  get config(): ConfigFile {
    return this.current;
  }

  get accounts(): readonly Account[] {
    return this.current.accounts;
  }

  get settings(): Settings {
    return this.current.settings ?? {};
  }

  account(id: string): Account | null {
    return this.current.accounts.find((a) => a.id === id) ?? null;
  }

  onChange(listener: (config: ConfigFile) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What `revert` can put back: the config as it is now, or null while there is no file yet. */
  checkpoint(): ConfigFile | null {
    return this.onDisk ? this.current : null;
  }

  /** Undoes changes since a checkpoint (a key the keychain refused after its account was written). */
  async revert(checkpoint: ConfigFile | null): Promise<void> {
    if (checkpoint) return this.replace(checkpoint);
    await rm(this.file, { force: true });
    this.onDisk = false;
    this.announce(EMPTY);
  }

  /** The one way to change the config: validated whole, written, then announced. */
  async replace(next: ConfigFile): Promise<void> {
    await writeConfig(this.file, next);
    this.onDisk = true;
    this.announce(next);
  }

  private announce(next: ConfigFile): void {
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  async addAccount(account: Account): Promise<void> {
    if (this.account(account.id)) {
      throw new ConfigError(
        `An account with id "${account.id}" exists already; remove it first or choose another id.`,
      );
    }
    await this.replace({ ...this.current, accounts: [...this.current.accounts, account] });
  }

  async patchAccount(id: string, patch: AccountPatch): Promise<Account> {
    const existing = this.account(id);
    if (!existing) throw new ConfigError(`No account "${id}"`);
    const parsed = Account.safeParse({
      ...applyPatch(existing, AccountPatch.parse(patch)),
      id,
      provider: existing.provider,
    });
    if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
    await this.replace({
      ...this.current,
      accounts: this.current.accounts.map((a) => (a.id === id ? parsed.data : a)),
    });
    return parsed.data;
  }

  async removeAccount(id: string): Promise<Account | null> {
    const existing = this.account(id);
    if (!existing) return null;
    await this.replace({ ...this.current, accounts: this.current.accounts.filter((a) => a.id !== id) });
    return existing;
  }

  async patchSettings(patch: SettingsPatch): Promise<Settings> {
    const parsed = Settings.safeParse(applyPatch(this.settings, SettingsPatch.parse(patch)));
    if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
    await this.replace({ ...this.current, settings: parsed.data });
    return parsed.data;
  }
}

import { rm } from 'node:fs/promises';
import type { Channel } from '../../../shared/channels';
import {
  Account,
  AccountPatch,
  applyPatch,
  type ConfigFile,
  describeIssues,
  Settings,
  SettingsPatch,
} from '../../../shared/config';
import { CONFIG_VERSION } from '../../../shared/config-migration';
import { message } from '../../../shared/message';
import type { PresetFile } from '../../../shared/preset-file';
import { ConfigError } from '../errors';
import { readConfig, writeConfig } from './config-file';
import { lockForChange } from './lockfile';

const EMPTY: ConfigFile = { version: CONFIG_VERSION, accounts: [] };

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

  get accounts(): readonly Account[] {
    return this.current.accounts;
  }

  get settings(): Settings {
    return this.current.settings ?? {};
  }

  /** Where alerts go besides the desktop. */
  get channels(): readonly Channel[] {
    return this.current.channels ?? [];
  }

  /** Adds an alert channel; an id taken is refused. */
  async addChannel(channel: Channel): Promise<void> {
    await this.change((fresh) => {
      if ((fresh.channels ?? []).some((c) => c.id === channel.id))
        throw new ConfigError(message('channel.idTaken', { id: channel.id }));
      return { next: { ...fresh, channels: [...(fresh.channels ?? []), channel] }, result: undefined };
    });
  }

  /** Replaces an alert channel by its id (its secret stays where it is). */
  async replaceChannel(channel: Channel): Promise<void> {
    await this.change((fresh) => {
      if (!(fresh.channels ?? []).some((c) => c.id === channel.id))
        throw new ConfigError(message('cli.noSuchChannel', { id: channel.id, file: this.file }));
      return {
        next: { ...fresh, channels: (fresh.channels ?? []).map((c) => (c.id === channel.id ? channel : c)) },
        result: undefined,
      };
    });
  }

  /** Removes an alert channel; the one removed, or null when there was none by that id. */
  async removeChannel(id: string): Promise<Channel | null> {
    return this.change((fresh) => {
      const existing = (fresh.channels ?? []).find((c) => c.id === id) ?? null;
      const channels = (fresh.channels ?? []).filter((c) => c.id !== id);
      const next = { ...fresh };
      if (channels.length > 0) next.channels = channels;
      else delete next.channels;
      return { next, result: existing };
    });
  }

  /** Presets added from files, as templates for custom accounts. */
  get presets(): readonly PresetFile[] {
    return this.current.presets ?? [];
  }

  /** Saves a preset read from a file; one with the same id is replaced (the person named its host again). */
  async addPreset(preset: PresetFile): Promise<void> {
    await this.change((fresh) => ({
      next: { ...fresh, presets: [...(fresh.presets ?? []).filter((p) => p.id !== preset.id), preset] },
      result: undefined,
    }));
  }

  account(id: string): Account | null {
    return this.current.accounts.find((a) => a.id === id) ?? null;
  }

  /**
   * Reads the file again (a person edited it and sent SIGHUP) and announces it. One that does not validate throws
   * a ConfigError naming the field, and the config in use stays as it was.
   */
  async reload(): Promise<void> {
    const fresh = await readConfig(this.file);
    // A file moved away mid-deploy, or a typo in a path: refused like a broken one, so every account is not
    // dropped and every alert rule gone quiet.
    if (fresh === null) throw new ConfigError(message('config.goneOnReload', { file: this.file }));
    this.onDisk = true;
    this.announce(fresh);
  }

  onChange(listener: (config: ConfigFile) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The one way to change the config: under a lock shared by every process on this data dir, the file is read
   * again (another process may have changed it while this one tested a key), changed, validated whole, written,
   * and announced. Two `accounts add` at once both land; neither writes back a copy taken before the other.
   */
  async change<T>(edit: (fresh: ConfigFile) => { next: ConfigFile | null; result: T }): Promise<T> {
    const release = await lockForChange(this.file);
    try {
      const onDisk = await readConfig(this.file);
      const { next, result } = edit(onDisk ?? EMPTY);
      if (next === null) {
        await rm(this.file, { force: true });
        this.onDisk = false;
        this.announce(EMPTY);
      } else {
        await writeConfig(this.file, next);
        this.onDisk = true;
        this.announce(next);
      }
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  private announce(next: ConfigFile): void {
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  /** Whether the config file exists (a first add that is undone removes it rather than leave an empty one). */
  get exists(): boolean {
    return this.onDisk;
  }

  async addAccount(account: Account): Promise<void> {
    await this.change((fresh) => {
      if (fresh.accounts.some((a) => a.id === account.id)) {
        throw new ConfigError(message('account.idTaken', { id: account.id }));
      }
      return { next: { ...fresh, accounts: [...fresh.accounts, account] }, result: undefined };
    });
  }

  async patchAccount(id: string, patch: AccountPatch): Promise<Account> {
    return this.change((fresh) => {
      const existing = fresh.accounts.find((a) => a.id === id);
      if (!existing) throw new ConfigError(message('account.none', { id }));
      const parsed = Account.safeParse({
        ...applyPatch(existing, AccountPatch.parse(patch)),
        id,
        provider: existing.provider,
      });
      if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
      return {
        next: { ...fresh, accounts: fresh.accounts.map((a) => (a.id === id ? parsed.data : a)) },
        result: parsed.data,
      };
    });
  }

  /**
   * Removes an account. `dropEmptyFile`: when this leaves the file as it was before a first add (no accounts, no
   * settings), the file goes too (undoing an add whose key the keychain refused).
   */
  async removeAccount(id: string, options: { dropEmptyFile?: boolean } = {}): Promise<Account | null> {
    return this.change((fresh) => {
      const existing = fresh.accounts.find((a) => a.id === id) ?? null;
      const next = { ...fresh, accounts: fresh.accounts.filter((a) => a.id !== id) };
      const empty = next.accounts.length === 0 && next.settings === undefined;
      return { next: options.dropEmptyFile && empty ? null : next, result: existing };
    });
  }

  async patchSettings(patch: SettingsPatch): Promise<Settings> {
    return this.change((fresh) => {
      const parsed = Settings.safeParse(applyPatch(fresh.settings ?? {}, SettingsPatch.parse(patch)));
      if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
      return { next: { ...fresh, settings: parsed.data }, result: parsed.data };
    });
  }
}

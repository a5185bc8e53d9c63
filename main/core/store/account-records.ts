import { rm } from 'node:fs/promises';
import type { Account, ConfigFile } from '../../../shared/config';
import { ConfigError, writeConfig } from './config-file';
import type { SecretStore } from './secrets';

export function assertNewAccountId(config: ConfigFile | null, id: string): void {
  if (config?.accounts.some((a) => a.id === id)) {
    throw new ConfigError(`An account with id "${id}" exists already; remove it first or choose another id.`);
  }
}

/**
 * Saves a new account and its key. The config goes first, so a config that cannot be written leaves no key in
 * the keychain; if the keychain then refuses, the config is put back as it was and the keychain's error is thrown.
 */
export async function saveNewAccount(
  configFile: string,
  current: ConfigFile | null,
  account: Account,
  key: string | null,
  store: SecretStore,
): Promise<ConfigFile> {
  assertNewAccountId(current, account.id);
  const next: ConfigFile = {
    ...(current ?? { version: 1, accounts: [] }),
    accounts: [...(current?.accounts ?? []), account],
  };
  await writeConfig(configFile, next);
  if (key === null) return next;
  try {
    await store.set(account.id, key);
  } catch (error) {
    await (current ? writeConfig(configFile, current) : rm(configFile, { force: true })).catch(
      () => undefined,
    );
    throw error;
  }
  return next;
}

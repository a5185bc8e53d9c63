import { ProviderFailure } from '../providers/failure';

export const KEYCHAIN_SERVICE = 'Creditbar';

/** Where API keys live. Only the main process (or the CLI) ever holds one. */
export interface SecretStore {
  get(accountId: string): Promise<string | null>;
  /** Updates in place: deleting and re-creating an item makes macOS ask the person again. */
  set(accountId: string, secret: string): Promise<void>;
  delete(accountId: string): Promise<boolean>;
}

function keychainUnavailable(platform: NodeJS.Platform): ProviderFailure {
  const hint =
    platform === 'linux'
      ? 'install and unlock a Secret Service such as gnome-keyring or KeePassXC'
      : 'unlock the keychain and allow Creditbar to use it';
  return new ProviderFailure('keychain_unavailable', `The OS keychain cannot be reached: ${hint}`);
}

type Keytar = typeof import('keytar');

/** keytar behind the interface; loaded on first use so a machine without libsecret still runs the rest. */
export function createKeytarStore(platform: NodeJS.Platform = process.platform): SecretStore {
  let loaded: Promise<Keytar> | undefined;
  const keytar = () => {
    loaded ??= import('keytar').then((m) => (m as Keytar & { default?: Keytar }).default ?? m);
    return loaded;
  };
  const guarded = async <T>(action: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await action(await keytar());
    } catch {
      throw keychainUnavailable(platform);
    }
  };
  return {
    get: (accountId) => guarded((k) => k.getPassword(KEYCHAIN_SERVICE, accountId)),
    set: (accountId, secret) => guarded((k) => k.setPassword(KEYCHAIN_SERVICE, accountId, secret)),
    delete: (accountId) => guarded((k) => k.deletePassword(KEYCHAIN_SERVICE, accountId)),
  };
}

/** The most of a key anyone is shown: its last four characters, and none of a key so short that four is much of it. */
export function keyHint(key: string): string | null {
  return key.length > 8 ? `…${key.slice(-4)}` : null;
}

/** `CREDITBAR_KEY_<ID>`: the id upper-cased with `-` as `_`, for servers and scripts with no keychain. */
export function envKeyName(accountId: string): string {
  return `CREDITBAR_KEY_${accountId.toUpperCase().replace(/-/g, '_')}`;
}

export type SecretResolver = (accountId: string) => Promise<string>;

/** The environment first, then the keychain; no key at all is `no_credentials`. */
export function createSecretResolver(env: NodeJS.ProcessEnv, store: SecretStore): SecretResolver {
  return async (accountId) => {
    const fromEnv = env[envKeyName(accountId)];
    if (fromEnv) return fromEnv;
    const stored = await store.get(accountId);
    if (stored) return stored;
    // A locked keychain shows no items at all (libsecret cannot prompt without a display), so say both.
    throw new ProviderFailure(
      'no_credentials',
      `No API key for "${accountId}" in the keychain (is it locked? unlock it), or add one with creditbar accounts add, or set ${envKeyName(accountId)}`,
    );
  };
}

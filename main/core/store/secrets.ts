import { ApiKeyText } from '../../../shared/config';
import { issueMessage } from '../../../shared/issue-message';
import { type Message, message } from '../../../shared/message';
import { AppFailure } from '../errors';

/** The keychain's service name for Creditbar's items (macOS Keychain, Credential Manager, Secret Service). */
export const KEYCHAIN_SERVICE = 'Creditbar';

/**
 * `CREDITBAR_KEYCHAIN_SERVICE` names another service: a second profile, or tests, which must never touch a
 * person's real `Creditbar` items (on macOS and Windows the tests' keychain is the person's own).
 */
export function keychainService(env: NodeJS.ProcessEnv): string {
  return env.CREDITBAR_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE;
}

/** Where API keys live. Only the main process (or the CLI) ever holds one. */
export interface SecretStore {
  get(accountId: string): Promise<string | null>;
  /** Updates in place: deleting and re-creating an item makes macOS ask the person again. */
  set(accountId: string, secret: string): Promise<void>;
  delete(accountId: string): Promise<boolean>;
}

/** What went wrong with the OS keychain, read from the native error so a person knows what to fix. */
export type KeychainProblem = 'library_missing' | 'no_service' | 'locked' | 'denied' | 'unknown';

// The texts come from the dynamic loader, D-Bus and libsecret (Linux), Security.framework (macOS) and
// FormatMessage (Windows), as keytar passes them on.
const PROBLEM_PATTERNS: [KeychainProblem, RegExp][] = [
  [
    'library_missing',
    /libsecret[^:]*: cannot open shared object|cannot open shared object file|image not found/i,
  ],
  [
    'no_service',
    /org\.freedesktop\.secrets was not provided|ServiceUnknown|Cannot autolaunch D-Bus|Could not connect|dbus-launch|Failed to connect to socket/i,
  ],
  ['locked', /locked collection|is locked|User interaction is not allowed|interaction not allowed/i],
  [
    'denied',
    /access (is )?denied|not authori[sz]ed|user canceled|passphrase you entered is not correct|permission/i,
  ],
];

export function keychainProblem(message: string): KeychainProblem {
  return PROBLEM_PATTERNS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'unknown';
}

export function keychainProblemText(problem: KeychainProblem, platform: NodeJS.Platform): Message {
  switch (problem) {
    case 'library_missing':
      return message('keychain.library');
    case 'no_service':
      return message('keychain.noService');
    case 'locked':
      return message(platform === 'darwin' ? 'keychain.lockedMac' : 'keychain.locked');
    case 'denied':
      return message(platform === 'darwin' ? 'keychain.deniedMac' : 'keychain.denied');
    case 'unknown':
      return message(platform === 'linux' ? 'keychain.unknownLinux' : 'keychain.unknown');
  }
}

function keychainUnavailable(platform: NodeJS.Platform, cause: unknown): AppFailure {
  const text = cause instanceof Error ? cause.message : String(cause);
  return new AppFailure('keychain_unavailable', keychainProblemText(keychainProblem(text), platform));
}

/** What of keytar Creditbar uses: in this process, or in a helper process that can be let go (keychain-helper.ts). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeychainBackend {
  load(): Promise<KeytarLike>;
  /** A call got no answer in time: let go of whatever holds it, so it cannot hold this process too. */
  abandon?(): void;
}

/** keytar in this process, loaded on first use so a machine without libsecret still runs the rest. */
export function keytarHere(): KeychainBackend {
  let loaded: Promise<KeytarLike> | undefined;
  return {
    load() {
      loaded ??= import('keytar').then((m) => (m as KeytarLike & { default?: KeytarLike }).default ?? m);
      return loaded;
    },
  };
}

/** How long one keychain call may take: a hung Secret Service otherwise holds each call for 25 s or more. */
export const KEYCHAIN_DEADLINE_MS = 5_000;
/**
 * Where the OS may be asking the person first (macOS's "allow access" for a keychain item, a locked keyring's
 * unlock dialog on Linux), a call waits as long as a person takes to read and answer: the desktop app's deadline.
 */
export const PROMPT_DEADLINE_MS = 120_000;
/** After a call that got no answer, the keychain is taken as hung for this long: no account waits again. */
const UNRESPONSIVE_FOR_MS = 60_000;

function notAnswering(platform: NodeJS.Platform, deadlineMs: number): AppFailure {
  return new AppFailure(
    'keychain_unavailable',
    message(platform === 'linux' ? 'keychain.hungLinux' : 'keychain.hung', {
      seconds: Math.round(deadlineMs / 1000),
    }),
  );
}

export interface KeychainTiming {
  /** How long one call may take (KEYCHAIN_DEADLINE_MS, or PROMPT_DEADLINE_MS where a person may be asked). */
  deadlineMs?: number;
  /**
   * A call that passed its deadline answered after all (the person allowed access at last): the keychain is
   * taken as answering again at once, and this is called so the accounts that waited are checked now, not after
   * the minute a hung keychain is otherwise left alone.
   */
  onLateAnswer?: () => void;
}

/** keytar behind the interface, with one deadline per call. */
export function createKeytarStore(
  service: string,
  platform: NodeJS.Platform = process.platform,
  backend: KeychainBackend = keytarHere(),
  timing: KeychainTiming = {},
): SecretStore {
  const deadlineMs = timing.deadlineMs ?? KEYCHAIN_DEADLINE_MS;
  let unresponsiveUntil = 0;
  const call = async <T>(action: (k: KeytarLike) => Promise<T>): Promise<T> => {
    try {
      return await action(await backend.load());
    } catch (error) {
      // Let go with the rest when another call found the keychain hung: said as that, the one thing that happened.
      if (Date.now() < unresponsiveUntil) throw notAnswering(platform, deadlineMs);
      throw keychainUnavailable(platform, error);
    }
  };
  const guarded = async <T>(action: (k: KeytarLike) => Promise<T>): Promise<T> => {
    if (Date.now() < unresponsiveUntil) throw notAnswering(platform, deadlineMs);
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const work = call(action);
    // A call given up on may still answer (a prompt answered at last): then the keychain answers again.
    void work.then(
      () => {
        if (!late) return;
        unresponsiveUntil = 0;
        timing.onLateAnswer?.();
      },
      () => undefined,
    );
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        late = true;
        unresponsiveUntil = Date.now() + UNRESPONSIVE_FOR_MS;
        backend.abandon?.();
        reject(notAnswering(platform, deadlineMs));
      }, deadlineMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    get: (accountId) => guarded((k) => k.getPassword(service, accountId)),
    set: (accountId, secret) => guarded((k) => k.setPassword(service, accountId, secret)),
    delete: (accountId) => guarded((k) => k.deletePassword(service, accountId)),
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
    const variable = envKeyName(accountId);
    const fromEnv = env[variable];
    if (fromEnv) {
      // Said as the key's own problem, not as every poll failing "offline" when the request cannot be built.
      const checked = ApiKeyText.safeParse(fromEnv);
      if (!checked.success)
        throw new AppFailure(
          'config',
          message('keychain.envKeyInvalid', {
            variable,
            problem: issueMessage(checked.error.issues[0] ?? { message: '' }),
          }),
        );
      return fromEnv;
    }
    const stored = await store.get(accountId);
    if (stored) return stored;
    // A locked keychain shows no items at all (libsecret cannot prompt without a display), so say both.
    throw new AppFailure(
      'no_credentials',
      message('keychain.noKey', { id: accountId, variable: envKeyName(accountId) }),
    );
  };
}

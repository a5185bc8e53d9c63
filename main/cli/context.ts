import { homedir } from 'node:os';
import type { Translator } from '../../shared/i18n/translator';
import type { Level } from '../../shared/model';
import { AccountService } from '../core/accounts/account-service';
import { LedgerService } from '../core/accounts/ledger-service';
import type { Clock } from '../core/monitor/clock';
import type { RefreshDeps } from '../core/monitor/refresh-account';
import { createHttpClient, type HttpClient } from '../core/providers/http';
import { CreditbarCore } from '../core/runtime/creditbar-core';
import { openStores, type Stores } from '../core/store/open-stores';
import { resolvePaths } from '../core/store/paths';
import {
  createKeytarStore,
  createSecretResolver,
  type KeychainBackend,
  keychainService,
  type SecretStore,
} from '../core/store/secrets';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** The system clock, unless a test moves time by hand. */
  clock: Clock;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard output is a terminal: a person reads it, and may be shown colour (colour.ts). */
  stdoutIsTerminal: boolean;
  /**
   * Whether to paint levels (colour.ts decides), and the way to print a painted text: its parts are cleaned
   * one by one before our own colour codes go around them, so only ours reach the terminal.
   */
  colour: boolean;
  stdoutPainted: (parts: readonly PaintedPart[]) => void;
  /** Writes in the terminal's language (its environment's, as for any command). */
  tr: Translator;
  /** Where keytar runs: the CLI's own helper process (keychain-helper.ts); in this process when not given. */
  keychain?: KeychainBackend;
}

/** A piece of printed text, and the level whose colour it is shown in, if any. */
export interface PaintedPart {
  text: string;
  level?: Level;
}

export interface CliContext {
  stores: Stores;
  keychain: SecretStore;
  http: HttpClient;
  deps: RefreshDeps;
  accounts: AccountService;
  ledger: LedgerService;
}

/** The data dir's stores as the flags and the environment name them; the config is validated on the way. */
export function openCliStores(flags: { 'data-dir'?: string; config?: string }, io: CliIo): Promise<Stores> {
  return openStores(
    resolvePaths({ dataDir: flags['data-dir'], config: flags.config }, io.env, process.platform, homedir()),
  );
}

/** Wires the core for one CLI run: paths, stores (the config validated), keychain, HTTP, the account service. */
export async function openContext(
  flags: { 'data-dir'?: string; config?: string },
  io: CliIo,
): Promise<CliContext> {
  const stores = await openCliStores(flags, io);
  const keychain = createKeytarStore(keychainService(io.env), process.platform, io.keychain);
  const http = createHttpClient();
  const now = () => io.clock.wall();
  const accounts = new AccountService({
    config: stores.config,
    store: keychain,
    env: io.env,
    http,
    cache: stores.cache,
    history: stores.history,
    // No monitor runs in this process: the file is the state.
    forgetAlerts: (accountId) => stores.alerts.forget(accountId),
    identities: stores.identities,
    ledger: stores.ledger,
    now,
  });
  // A config edited by hand may name another host for an id: its old data must not show as this account's.
  for (const notice of await accounts.reconcile()) io.stderr(`${io.tr.say(notice)}\n`);
  const deps: RefreshDeps = {
    http,
    secrets: createSecretResolver(io.env, keychain),
    cache: stores.cache,
    ledger: stores.ledger,
    now,
  };
  return {
    stores,
    keychain,
    http,
    deps,
    accounts,
    ledger: new LedgerService({ config: stores.config, ledger: stores.ledger, refresh: deps, now }),
  };
}

/** The headless core `watch` and `serve` run, on the system clock; it claims the data dir's monitoring if free. */
export function openHeadlessCore(stores: Stores, io: CliIo): Promise<CreditbarCore> {
  return CreditbarCore.open({
    stores,
    keychain: createKeytarStore(keychainService(io.env), process.platform, io.keychain),
    env: io.env,
    http: createHttpClient(),
    clock: io.clock,
    random: Math.random,
  });
}

/**
 * What to say when there is no account to watch: a config named on purpose (--config, CREDITBAR_CONFIG) that is
 * not there is that, said so; otherwise how to add a first account.
 */
export function noAccountsLine(
  io: Pick<CliIo, 'tr' | 'env'>,
  flags: { config?: string },
  stores: Stores,
): string {
  const { t } = io.tr;
  const file = stores.paths.configFile;
  const named = flags.config !== undefined || Boolean(io.env.CREDITBAR_CONFIG);
  if (named && !stores.config.exists) return t('cli.configMissing', { file });
  return t('cli.noAccounts', { file });
}

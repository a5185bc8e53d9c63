import path from 'node:path';
import type { AlertIntent } from '../../../shared/alerts';
import type { AccountView, AppState } from '../../../shared/app-state';
import { type Account, type ConfigFile, effectiveAccount } from '../../../shared/config';
import type { CoreChannel } from '../../../shared/ipc';
import { PROVIDERS } from '../../../shared/providers';
import type { Forecast } from '../alerts/forecast';
import type { InvokeImpl } from '../ipc/ipc-guard';
import type { Clock } from '../monitor/clock';
import { Monitor } from '../monitor/monitor';
import { stopsPolling } from '../monitor/poll-policy';
import { type AccountResult, testAccount } from '../monitor/refresh-account';
import { toAccountStatus } from '../present/account-status';
import { downsample } from '../present/history-series';
import { demoHistory } from '../providers/demo/demo';
import { ProviderFailure } from '../providers/failure';
import type { HttpClient } from '../providers/http';
import { assertNewAccountId, saveNewAccount } from '../store/account-records';
import { AlertStateStore } from '../store/alert-state-store';
import { createSnapshotCache } from '../store/cache';
import { readConfig, writeConfig } from '../store/config-file';
import { HistoryStore } from '../store/history';
import { writeHistoryCsv } from '../store/history-csv';
import type { DataPaths } from '../store/paths';
import { createSecretResolver, keyHint, type SecretStore } from '../store/secrets';

export interface AppControllerOptions {
  paths: DataPaths;
  store: SecretStore;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  clock: Clock;
  random: () => number;
  /** Opens an https link in the person's browser (the shell's effect). */
  openExternal: (url: string) => Promise<void>;
  /** Asks the person where to save a file (the shell's dialog); null when they cancel. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>;
  /** Turns launch at login on or off in the OS (the shell's effect), or says why it is not offered here. */
  loginItem: { apply: (enabled: boolean) => Promise<void> } | { unavailable: string };
}

/**
 * The desktop app's core: config, monitor, keys and the state the popover shows. Every IPC handler is a method
 * here, in plain Node, so the shell only registers them and pushes state.
 */
export class AppController {
  private config: ConfigFile = { version: 1, accounts: [] };
  private readonly results = new Map<
    string,
    { result: AccountResult; forecast: Forecast | null; at: string | null }
  >();
  private readonly keyHints = new Map<string, string | null>();
  private readonly cache;
  private readonly history;
  private readonly alertStore;
  private monitor: Monitor | null = null;
  private launchAtLogin = false;
  private readonly stateListeners = new Set<(state: AppState) => void>();
  private readonly alertListeners = new Set<(intent: AlertIntent) => void>();

  constructor(private readonly options: AppControllerOptions) {
    this.cache = createSnapshotCache(options.paths.cacheDir);
    this.history = new HistoryStore(path.join(options.paths.dataDir, 'history'), () =>
      options.clock.wall().getTime(),
    );
    this.alertStore = AlertStateStore.inDataDir(options.paths.dataDir);
  }

  /** Shows the cached values at once (stale), before any request, then starts polling. */
  async start(launchAtLogin: boolean): Promise<void> {
    this.launchAtLogin = launchAtLogin;
    this.config = (await readConfig(this.options.paths.configFile)) ?? this.config;
    for (const account of this.config.accounts) {
      const snapshot = await this.cache.read(account.id).catch(() => null);
      this.results.set(account.id, {
        result: { account, snapshot, stale: snapshot !== null, error: null },
        forecast: null,
        at: null,
      });
    }
    this.emitState();
    this.monitor = new Monitor(
      this.effectiveAccounts(),
      {
        http: this.options.http,
        secrets: createSecretResolver(this.options.env, this.options.store),
        cache: this.cache,
        history: this.history,
        alertStore: this.alertStore,
        clock: this.options.clock,
        random: this.options.random,
        settings: this.config.settings,
      },
      {
        result: (result, forecast) => {
          if (!this.config.accounts.some((a) => a.id === result.account.id)) return;
          this.results.set(result.account.id, {
            result,
            forecast,
            at: this.options.clock.wall().toISOString(),
          });
          this.emitState();
        },
        alert: (intent) => {
          for (const listener of this.alertListeners) listener(intent);
        },
      },
    );
    await this.monitor.start();
  }

  async stop(): Promise<void> {
    await this.monitor?.stop();
  }

  /** Resolves once no poll is in flight (for an orderly quit, and for tests that move time by hand). */
  async settled(): Promise<void> {
    await this.monitor?.settled();
  }

  onState(listener: (state: AppState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onAlert(listener: (intent: AlertIntent) => void): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  get accountIds(): ReadonlySet<string> {
    return new Set(this.config.accounts.map((a) => a.id));
  }

  pause(reason: 'suspend' | 'offline' | 'user'): void {
    this.monitor?.pause(reason);
    this.emitState();
  }

  resume(reason: 'suspend' | 'offline' | 'user'): void {
    this.monitor?.resume(reason);
    this.emitState();
  }

  async setLaunchAtLogin(value: boolean): Promise<void> {
    const { loginItem } = this.options;
    if ('unavailable' in loginItem) throw new ProviderFailure('config', loginItem.unavailable);
    await loginItem.apply(value);
    this.launchAtLogin = value;
    this.emitState();
  }

  state(): AppState {
    const accounts: AccountView[] = this.config.accounts.map((account) => {
      const entry = this.results.get(account.id);
      const result = entry?.result ?? { account, snapshot: null, stale: false, error: null };
      const status = toAccountStatus({ ...result, account: effectiveAccount(account, this.config.settings) });
      const retryAfter = result.error?.retryAfterSeconds;
      return {
        ...status,
        providerName: PROVIDERS[account.provider].displayName,
        forecast: entry?.forecast ?? null,
        hasKey: PROVIDERS[account.provider].needsNetwork && result.error?.kind !== 'no_credentials',
        keyHint: this.keyHints.get(account.id) ?? null,
        alerts: account.alerts ?? {},
        snoozedUntil: this.monitor?.snoozedUntil(account.id) ?? null,
        stopped: result.error && stopsPolling(result.error.kind) ? result.error.kind : null,
        extras: result.snapshot?.extras ?? {},
        checkedAt: entry?.at ?? null,
        retryAt:
          retryAfter !== undefined && entry?.at
            ? new Date(Date.parse(entry.at) + retryAfter * 1000).toISOString()
            : null,
      };
    });
    return {
      accounts,
      paused: this.monitor?.isPaused ?? false,
      settings: this.config.settings ?? {},
      launchAtLogin: this.launchAtLogin,
      launchAtLoginAvailable: 'apply' in this.options.loginItem,
    };
  }

  /** Hosts a link may point to: the configured providers' own (their docs and billing pages live there). */
  private providerHosts(): Set<string> {
    const hosts = new Set<string>();
    for (const account of this.config.accounts) {
      for (const url of [account.baseUrl, account.custom?.url, PROVIDERS[account.provider].defaultBaseUrl]) {
        if (!url) continue;
        const host = new URL(url).hostname;
        hosts.add(host);
        // api.example.com's billing page usually lives on example.com or app.example.com.
        const parent = host.split('.').slice(-2).join('.');
        hosts.add(parent);
        hosts.add(`app.${parent}`);
        hosts.add(`www.${parent}`);
      }
    }
    return hosts;
  }

  /** Accounts as the monitor and the levels see them: default thresholds filled in from settings. */
  private effectiveAccounts(): Account[] {
    return this.config.accounts.map((a) => effectiveAccount(a, this.config.settings));
  }

  private emitState(): void {
    const state = this.state();
    for (const listener of this.stateListeners) listener(state);
  }

  private async saveAccounts(accounts: Account[]): Promise<void> {
    this.config = { ...this.config, accounts };
    await writeConfig(this.options.paths.configFile, this.config);
    this.monitor?.setAccounts(this.effectiveAccounts());
    this.emitState();
  }

  /** The IPC handlers, one per channel of the contract. */
  readonly handlers: { [C in CoreChannel]: InvokeImpl<C> } = {
    'state:get': async () => this.state(),
    'accounts:refresh': async ({ accountId }) => {
      await this.monitor?.refresh(accountId);
      return null;
    },
    'accounts:test': async ({ account, key }) => {
      const secret = !PROVIDERS[account.provider].needsNetwork
        ? ''
        : (key ?? (await createSecretResolver(this.options.env, this.options.store)(account.id)));
      const { snapshot, error } = await testAccount(account, secret, {
        http: this.options.http,
        now: () => this.options.clock.wall(),
      });
      if (error || !snapshot)
        throw new ProviderFailure(error?.kind ?? 'bad_response', error?.message ?? 'No answer');
      return { remaining: snapshot.remaining, unit: snapshot.unit, quotas: snapshot.quotas.length };
    },
    'accounts:add': async ({ account, key }) => {
      assertNewAccountId(this.config, account.id);
      const needsKey = PROVIDERS[account.provider].needsNetwork;
      if (needsKey && !key) throw new ProviderFailure('no_credentials', 'Enter the API key for this account');
      this.config = await saveNewAccount(
        this.options.paths.configFile,
        this.config,
        account,
        needsKey ? (key ?? null) : null,
        this.options.store,
      );
      if (needsKey && key) this.keyHints.set(account.id, keyHint(key));
      // The demo has no key; once saved it gets a simulated year of history so every chart has data.
      if (!needsKey)
        await this.history.replace(account.id, demoHistory(account.id, this.options.clock.wall().getTime()));
      this.monitor?.setAccounts(this.effectiveAccounts());
      this.emitState();
      return null;
    },
    'accounts:update': async ({ account, key }) => {
      if (!this.config.accounts.some((a) => a.id === account.id)) {
        throw new ProviderFailure('not_found', `No account "${account.id}"`);
      }
      if (key) {
        await this.options.store.set(account.id, key);
        this.keyHints.set(account.id, keyHint(key));
      }
      await this.saveAccounts(this.config.accounts.map((a) => (a.id === account.id ? account : a)));
      if (key) this.monitor?.keyChanged(account.id);
      return null;
    },
    'accounts:remove': async ({ accountId }) => {
      const removed = this.config.accounts.find((a) => a.id === accountId);
      if (removed && PROVIDERS[removed.provider].needsNetwork) await this.options.store.delete(accountId);
      this.results.delete(accountId);
      this.keyHints.delete(accountId);
      await this.saveAccounts(this.config.accounts.filter((a) => a.id !== accountId));
      await this.cache.remove(accountId);
      await this.history.remove(accountId);
      return null;
    },
    'alerts:set-thresholds': async ({ accountId, alerts }) => {
      await this.saveAccounts(this.config.accounts.map((a) => (a.id === accountId ? { ...a, alerts } : a)));
      return null;
    },
    'alerts:snooze': async ({ accountId, until }) => {
      await this.monitor?.snooze(accountId, until ? new Date(until) : null);
      return null;
    },
    'settings:set': async ({ settings, launchAtLogin }) => {
      this.config = { ...this.config, settings };
      await writeConfig(this.options.paths.configFile, this.config);
      this.monitor?.setAccounts(this.effectiveAccounts());
      if (launchAtLogin !== undefined && launchAtLogin !== this.launchAtLogin)
        await this.setLaunchAtLogin(launchAtLogin);
      else this.emitState();
      return null;
    },
    'history:get': async ({ accountId, from, to, maxPoints }) => {
      if (!this.config.accounts.some((a) => a.id === accountId)) return [];
      const { points } = await this.history.load(accountId);
      return downsample(
        points.filter((p) => p.t >= from && p.t <= to),
        maxPoints,
      ).map((p) => ({ t: p.t, remaining: p.remaining, maxPercent: p.maxPercent }));
    },
    'history:export': async ({ accountId }) => {
      const account = this.config.accounts.find((a) => a.id === accountId);
      if (!account) throw new ProviderFailure('not_found', `No account "${accountId}"`);
      const file = await this.options.chooseSaveFile(`creditbar-${accountId}.csv`);
      if (!file) return false;
      await writeHistoryCsv(file, (await this.history.load(accountId)).points);
      return true;
    },
    'external:open': async ({ url }) => {
      const host = new URL(url).hostname;
      if (!this.providerHosts().has(host))
        throw new ProviderFailure('config', `Creditbar opens only the hosts of your providers, not ${host}`);
      await this.options.openExternal(url);
      return null;
    },
  };
}

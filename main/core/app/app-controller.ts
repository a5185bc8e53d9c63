import { acceleratorLabel } from '../../../shared/accelerator';
import type { AlertIntent } from '../../../shared/alerts';
import type { AppState } from '../../../shared/app-state';
import { type Account, accountIdentity, effectiveAccount } from '../../../shared/config';
import type { MessageKey } from '../../../shared/i18n/catalog-en';
import { CATALOGS, speak } from '../../../shared/i18n/catalogs';
import { chooseLanguage, type Language } from '../../../shared/i18n/languages';
import { t } from '../../../shared/i18n/translate';
import type { CoreChannel } from '../../../shared/ipc';
import { PointSeries } from '../../../shared/point-series';
import { PROVIDERS } from '../../../shared/providers';
import { AccountService } from '../accounts/account-service';
import { AppFailure } from '../errors';
import type { InvokeImpl } from '../ipc/ipc-guard';
import type { Clock } from '../monitor/clock';
import { Monitor } from '../monitor/monitor';
import { downsample, sparklineOf } from '../present/history-series';
import type { HttpClient } from '../providers/http';
import { ExporterState } from '../serve/exporter-state';
import { listenPlan } from '../serve/listen';
import type { MetricsServer } from '../serve/metrics-server';
import { isPng, writeChartPng } from '../store/chart-png';
import { writeHistoryCsv } from '../store/history-csv';
import type { Stores } from '../store/open-stores';
import { createSecretResolver, keyHint, type SecretStore } from '../store/secrets';
import { type AccountEntry, toAppState } from './app-state-view';

export interface AppControllerOptions {
  stores: Stores;
  keychain: SecretStore;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  clock: Clock;
  random: () => number;
  /** Opens an https link in the person's browser (the shell's effect). */
  openExternal: (url: string) => Promise<void>;
  /** Asks the person where to save a file (the shell's dialog); null when they cancel. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>;
  /** Turns launch at login on or off in the OS (the shell's effect), or says why it is not offered here. */
  loginItem: { apply: (enabled: boolean) => Promise<void> } | { unavailable: MessageKey };
  /** Whether this process owns the data dir's monitoring (claimMonitoring); read-only when another does. */
  owner?: boolean;
  /** The person's languages in the OS's order (Electron's app.getPreferredSystemLanguages()); English when none. */
  preferredLanguages?: readonly string[];
  /** The OS the popover is shown on (settings for one OS show there only); the running one by default. */
  platform?: NodeJS.Platform;
  /**
   * Makes `accelerator` the one global shortcut that opens and closes the popover (null: none), dropping any
   * before; false when the OS refuses it (another app holds it). Absent where there is no desktop (tests of
   * the core alone).
   */
  globalShortcut?: (accelerator: string | null) => boolean;
  /** Where the metrics endpoint listens when the setting is on: loopback only (default 127.0.0.1:9464). */
  metricsListen?: string;
}

/**
 * The desktop app's core: it wires the config store, the monitor and the account service together and answers
 * the IPC table. It keeps no copy of the config: every reader asks the store, every change goes through it.
 */
export class AppController {
  private readonly entries = new Map<string, AccountEntry>();
  private readonly keyHints = new Map<string, string | null>();
  private readonly accounts: AccountService;
  private readonly monitor: Monitor;
  private launchAtLogin = false;
  private language: Language | null = null;
  /** The shortcut last handed to the OS, and why it does not work when it does not. */
  private shortcut: { applied: string | null; problem: string | null } = { applied: null, problem: null };
  /** What the metrics endpoint reads when the setting is on: filled from every poll either way. */
  private readonly exporter = new ExporterState();
  private metrics: { server: MetricsServer | null; problem: string | null } = { server: null, problem: null };
  /** Setting changes apply one after another: a quick off-on must not start two servers. */
  private metricsApplied: Promise<void> = Promise.resolve();
  private readonly stateListeners = new Set<(state: AppState) => void>();
  private readonly alertListeners = new Set<(intent: AlertIntent) => void>();

  constructor(private readonly options: AppControllerOptions) {
    const { stores } = options;
    this.monitor = new Monitor(
      [],
      {
        http: options.http,
        secrets: createSecretResolver(options.env, options.keychain),
        cache: stores.cache,
        history: stores.history,
        alertStore: stores.alerts,
        clock: options.clock,
        random: options.random,
        settings: () => stores.config.settings,
        owner: options.owner ?? true,
      },
      {
        result: (result, forecast, history) => {
          if (!stores.config.account(result.account.id)) return;
          const now = options.clock.wall();
          const previous = this.entries.get(result.account.id)?.sparkline;
          const sparkline = history ? sparklineOf(history, now.getTime()) : previous;
          this.entries.set(result.account.id, {
            result,
            forecast,
            at: now.toISOString(),
            ...(sparkline ? { sparkline } : {}),
          });
          this.exporter.record(result, forecast);
          this.emitState();
        },
        alert: (intent) => {
          for (const listener of this.alertListeners) listener(intent);
        },
      },
    );
    this.accounts = new AccountService({
      config: stores.config,
      store: options.keychain,
      env: options.env,
      http: options.http,
      cache: stores.cache,
      history: stores.history,
      forgetAlerts: (accountId) => this.monitor.forget(accountId),
      identities: stores.identities,
      now: () => options.clock.wall(),
    });
    // Every config change, whoever made it, reaches the monitor and the popover.
    stores.config.onChange(() => {
      // A removed account's last poll goes, and so does one taken from a host the account no longer names.
      for (const [id, entry] of this.entries) {
        const account = stores.config.account(id);
        if (!account || accountIdentity(account) !== accountIdentity(entry.result.account))
          this.entries.delete(id);
      }
      this.monitor.setAccounts(this.effectiveAccounts());
      this.syncExporter();
      this.applyMetricsSetting();
      this.applyLanguage();
      this.applyShortcut();
      this.emitState();
    });
  }

  /** Shows the cached values at once (stale), before any request, then starts polling. */
  async start(launchAtLogin: boolean): Promise<void> {
    this.launchAtLogin = launchAtLogin;
    // Before the monitor loads alert state: an id that now names another host starts with nothing.
    await this.accounts.reconcile();
    for (const account of this.options.stores.config.accounts) {
      const snapshot = await this.options.stores.cache.read(account.id).catch(() => null);
      this.entries.set(account.id, {
        result: { account, snapshot, stale: snapshot !== null, error: null },
        forecast: null,
        at: null,
      });
    }
    this.applyLanguage();
    this.applyShortcut();
    this.emitState();
    this.syncExporter();
    this.monitor.setAccounts(this.effectiveAccounts());
    await this.monitor.start();
    this.applyMetricsSetting();
    await this.metricsApplied;
    // Then each account's sparkline from its history, after polling has started so it waits for none of this; an
    // account whose first poll came first keeps the newer line that poll brought.
    const now = this.options.clock.wall().getTime();
    // All at once: each history inflates on the thread pool, side by side.
    const lines = await Promise.all(
      this.options.stores.config.accounts.map(async (account) => {
        const { points } = await this.options.stores.history
          .load(account.id)
          .catch(() => ({ points: PointSeries.empty() }));
        return [account.id, sparklineOf(points, now)] as const;
      }),
    );
    for (const [id, sparkline] of lines) {
      const entry = this.entries.get(id);
      if (entry && !entry.sparkline) this.entries.set(id, { ...entry, sparkline });
    }
    this.emitState();
  }

  async stop(): Promise<void> {
    await this.metricsApplied;
    await this.metrics.server?.close();
    this.metrics = { server: null, problem: null };
    await this.monitor.stop();
  }

  /** Resolves once no poll is in flight (for an orderly quit, and for tests that move time by hand). */
  async settled(): Promise<void> {
    await this.monitor.settled();
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
    return new Set(this.options.stores.config.accounts.map((a) => a.id));
  }

  /** The popover was opened: values older than a minute are asked for now, once (see Monitor.lookedAt). */
  lookedAt(): Promise<void> {
    return this.monitor.lookedAt();
  }

  pause(reason: 'suspend' | 'offline' | 'user'): void {
    this.monitor.pause(reason);
    this.emitState();
  }

  resume(reason: 'suspend' | 'offline' | 'user'): void {
    this.monitor.resume(reason);
    this.emitState();
  }

  async setLaunchAtLogin(value: boolean): Promise<void> {
    const { loginItem } = this.options;
    if ('unavailable' in loginItem) throw new AppFailure('config', t(loginItem.unavailable));
    await loginItem.apply(value);
    this.launchAtLogin = value;
    this.emitState();
  }

  state(): AppState {
    const { config } = this.options.stores;
    return toAppState({
      accounts: config.accounts,
      settings: config.settings,
      entries: this.entries,
      keyHints: this.keyHints,
      snoozedUntil: (id) => this.monitor.snoozedUntil(id),
      nextCheck: (id) => this.monitor.nextCheck(id),
      paused: this.monitor.isPaused,
      launchAtLogin: this.launchAtLogin,
      launchAtLoginAvailable: 'apply' in this.options.loginItem,
      presets: config.presets,
      platform: this.options.platform ?? process.platform,
      language: this.languageFor(config.settings.language),
      systemLanguage: this.languageFor(undefined),
      shortcutProblem: this.shortcut.problem,
      ...(config.settings.serveMetrics
        ? { metricsServer: { base: this.metrics.server?.base ?? null, problem: this.metrics.problem } }
        : {}),
      now: this.options.clock.wall(),
    });
  }

  private syncExporter(): void {
    this.exporter.setAccounts(
      this.effectiveAccounts(),
      (id) => this.entries.get(id)?.result.snapshot ?? null,
    );
  }

  /** Speaks the language in settings, else the OS's: the tray, notifications and the popover all follow. */
  private applyLanguage(): void {
    const next = this.languageFor(this.options.stores.config.settings.language);
    if (next !== this.language) speak(next);
    this.language = next;
  }

  private languageFor(chosen: Language | undefined): Language {
    return chooseLanguage(chosen, this.options.preferredLanguages ?? []);
  }

  /** Hands the OS the shortcut in settings when it changed; a refusal is kept to be said in Settings. */
  private applyShortcut(): void {
    const apply = this.options.globalShortcut;
    const wanted = this.options.stores.config.settings.shortcut ?? null;
    // A refused shortcut is tried again on the next change: the app holding it may have let it go.
    if (!apply || (wanted === this.shortcut.applied && this.shortcut.problem === null)) return;
    const registered = apply(wanted);
    const platform = this.options.platform ?? process.platform;
    this.shortcut = {
      applied: wanted,
      problem:
        wanted && !registered
          ? t('shortcut.refused', { shortcut: acceleratorLabel(wanted, platform) })
          : null,
    };
  }

  /** Starts or stops the metrics endpoint to match the setting; prom-client loads only when it is first on. */
  private applyMetricsSetting(): void {
    this.metricsApplied = this.metricsApplied.then(async () => {
      const wanted = this.options.stores.config.settings.serveMetrics === true;
      if (wanted === (this.metrics.server !== null) && (wanted || this.metrics.problem === null)) return;
      if (!wanted) {
        const { server } = this.metrics;
        this.metrics = { server: null, problem: null };
        await server?.close();
        this.emitState();
        return;
      }
      const plan = listenPlan(this.options.metricsListen, false);
      if (!plan.ok) {
        this.metrics = { server: null, problem: plan.problem };
        this.emitState();
        return;
      }
      try {
        const { startMetricsServer } = await import('../serve/metrics-server');
        const server = await startMetricsServer({
          state: this.exporter,
          host: plan.host,
          port: plan.port,
          token: null,
          now: () => this.options.clock.wall(),
        });
        this.metrics = { server, problem: null };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        this.metrics = {
          server: null,
          problem:
            code === 'EADDRINUSE'
              ? `Port ${plan.port} is taken by another program (perhaps creditbar serve): metrics are not served`
              : `Metrics cannot be served on ${plan.host}:${plan.port} (${code ?? 'error'})`,
        };
      }
      this.emitState();
    });
  }

  /** Hosts a link may point to: the configured providers' own (their docs and billing pages live there). */
  private providerHosts(): Set<string> {
    const hosts = new Set<string>();
    for (const account of this.options.stores.config.accounts) {
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
    const { config } = this.options.stores;
    return config.accounts.map((a) => effectiveAccount(a, config.settings));
  }

  private emitState(): void {
    const state = this.state();
    for (const listener of this.stateListeners) listener(state);
  }

  /** The IPC handlers, one per channel of the contract the core answers. */
  readonly handlers: { [C in CoreChannel]: InvokeImpl<C> } = {
    'state:get': async () => this.state(),
    'accounts:refresh': async ({ accountId }) => {
      await this.monitor.refresh(accountId);
      return null;
    },
    'accounts:test': async ({ account, key }) => {
      const { snapshot, readings, shape, problem } = await this.accounts.probe(account, key);
      return {
        remaining: snapshot?.remaining ?? null,
        unit: snapshot?.unit ?? null,
        quotas: snapshot?.quotas.length ?? 0,
        readings,
        shape,
        problem: problem ? { kind: problem.kind, message: problem.message } : null,
      };
    },
    'accounts:add': async ({ account, key }) => {
      // The form has just tested it; a failing provider must not stop a person from saving.
      await this.accounts.add(account, key ?? null, { verify: false });
      if (key) this.keyHints.set(account.id, keyHint(key));
      return null;
    },
    'accounts:update': async ({ accountId, patch, key }) => {
      await this.accounts.update(accountId, patch, key);
      if (key) {
        this.keyHints.set(accountId, keyHint(key));
        this.monitor.keyChanged(accountId);
        this.emitState();
      }
      return null;
    },
    'accounts:remove': async ({ accountId }) => {
      this.keyHints.delete(accountId);
      const { left } = await this.accounts.remove(accountId);
      if (left.length > 0)
        throw new AppFailure('config', t('account.removedPartly', { left: left.join(', ') }));
      return null;
    },
    'alerts:set-thresholds': async ({ accountId, alerts }) => {
      await this.accounts.update(accountId, { alerts });
      return null;
    },
    'alerts:snooze': async ({ accountId, until }) => {
      await this.monitor.snooze(accountId, until ? new Date(until) : null);
      // The popover shows "snoozed until" from the state: without a push it waited for the next poll.
      this.emitState();
      return null;
    },
    'settings:set': async ({ patch, launchAtLogin }) => {
      await this.options.stores.config.patchSettings(patch);
      if (launchAtLogin !== undefined && launchAtLogin !== this.launchAtLogin)
        await this.setLaunchAtLogin(launchAtLogin);
      return null;
    },
    'history:get': async ({ accountId, from, to, maxPoints }) => {
      if (!this.options.stores.config.account(accountId)) return [];
      const { points } = await this.options.stores.history.load(accountId);
      return downsample(points, points.firstAtOrAfter(from), points.firstAfter(to), maxPoints).map((p) => ({
        t: p.t,
        remaining: p.remaining,
        maxPercent: p.maxPercent,
      }));
    },
    'history:export': async ({ accountId }) => {
      if (!this.options.stores.config.account(accountId))
        throw new AppFailure('not_found', t('account.none', { id: accountId }));
      const file = await this.options.chooseSaveFile(`creditbar-${accountId}.csv`);
      if (!file) return false;
      await writeHistoryCsv(file, (await this.options.stores.history.load(accountId)).points);
      return true;
    },
    'history:export-png': async ({ accountId, png }) => {
      if (!this.options.stores.config.account(accountId))
        throw new AppFailure('not_found', t('account.none', { id: accountId }));
      const bytes = Buffer.from(png, 'base64');
      if (!isPng(bytes)) throw new AppFailure('bad_response', t('export.notPng'));
      const file = await this.options.chooseSaveFile(`creditbar-${accountId}.png`);
      if (!file) return false;
      await writeChartPng(file, bytes);
      return true;
    },
    'i18n:get': async ({ language }) => CATALOGS[language],
    'external:open': async ({ url }) => {
      const host = new URL(url).hostname;
      if (!this.providerHosts().has(host))
        throw new AppFailure('config', t('external.notProvider', { host }));
      await this.options.openExternal(url);
      return null;
    },
  };
}

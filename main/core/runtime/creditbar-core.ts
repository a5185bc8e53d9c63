import type { AlertIntent } from '../../../shared/alerts';
import type { ChannelAlert } from '../../../shared/channels';
import { type Account, effectiveAccount } from '../../../shared/config';
import type { MessageKey } from '../../../shared/i18n/catalog';
import { chooseLanguage, environmentLanguages, type Language } from '../../../shared/i18n/languages';
import { type Message, message } from '../../../shared/message';
import { PointSeries } from '../../../shared/point-series';
import { PROVIDERS } from '../../../shared/providers';
import { AccountService } from '../accounts/account-service';
import { LedgerService } from '../accounts/ledger-service';
import { ChannelAdmin } from '../channels/channel-admin';
import { ChannelService } from '../channels/channel-service';
import type { Clock } from '../monitor/clock';
import { type LatestEntry, LatestResults } from '../monitor/latest-results';
import { Monitor } from '../monitor/monitor';
import { toAccountStatus } from '../present/account-status';
import { sparklineOf } from '../present/history-series';
import type { HttpClient } from '../providers/http';
import type { Stores } from '../store/open-stores';
import type { OutboxEntry } from '../store/outbox-store';
import { createSecretResolver, type SecretStore } from '../store/secrets';
import { AlertService } from './alert-service';
import { HistoryRecorder } from './history-recorder';
import { type ClaimTiming, MonitorOwnership } from './monitor-ownership';

export interface CoreOptions {
  stores: Stores;
  keychain: SecretStore;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  clock: Clock;
  random: () => number;
  /**
   * Keep each account's 30-day sparkline with its result (the popover draws them). Off for `watch` and `serve`,
   * which show none: downsampling a month of history on every poll would be work for nobody.
   */
  sparklines?: boolean;
  /** How the claim on the data dir is kept; tests shorten it. */
  claimTiming?: ClaimTiming;
  /** The language alert channels write in when they name none: the app's (settings, else the OS's). */
  language?: () => Language;
}

export interface CoreEvents {
  /** What is known changed: a poll answered or failed, an account came, went or was re-pointed. */
  changed?(): void;
  /** After every poll, fresh or failed, once its result is kept. */
  polled?(entry: LatestEntry): void;
  alert?(intent: AlertIntent): void;
  /** An alert could not be delivered to a channel, and was given up (kept in outbox/failed/). */
  channelFailed?(entry: OutboxEntry): void;
  /**
   * What a person should be told that is no alert: something on disk could not be written (the core goes on), or
   * an account's history was set aside because the account changed. Said by whoever shows it.
   */
  problem?(said: Message): void;
  /**
   * This process gained the data dir's monitoring (its owner stopped or crashed) or lost it (another took it
   * while this one was suspended): `readOnly` has changed.
   */
  ownership?(owner: boolean): void;
}

/**
 * The headless core the desktop app, `watch` and `serve` all run: the stores, the monitor, the account service and
 * the one owner of each account's last result. The config store is the only source of accounts: whatever changes
 * it (an IPC call, a CLI command in this process, a SIGHUP reload) reaches the results and the monitor here, once.
 */
export class CreditbarCore {
  readonly stores: Stores;
  readonly accounts: AccountService;
  /** Stated balances and top-ups of ledger accounts (OpenAI, Anthropic). */
  readonly ledger: LedgerService;
  readonly monitor: Monitor;
  readonly alerts: AlertService;
  /** Alerts to webhooks, chat, ntfy, Telegram and email: sent by the process that owns the data dir. */
  readonly channels: ChannelService;
  /** Adding, testing and removing channels (the popover's Settings, like the CLI's `channels`). */
  readonly channelAdmin: ChannelAdmin;
  readonly results = new LatestResults();
  /** Config changes apply one after another: an account's old data goes before its new host is asked. */
  private applied: Promise<void> = Promise.resolve();
  private reloading: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<CoreEvents>();

  private constructor(
    private readonly options: CoreOptions,
    private readonly ownership: MonitorOwnership,
  ) {
    const { stores } = options;
    this.stores = stores;
    const owner = () => ownership.owner;
    const problem = (key: MessageKey) => () => {
      for (const listener of this.listeners) listener.problem?.(message(key));
    };
    this.alerts = new AlertService(
      { store: stores.alerts, clock: options.clock, settings: () => stores.config.settings, owner },
      {
        durable: async (intents) => {
          for (const intent of intents)
            await this.channels
              .enqueue(intent, this.figuresOf(intent.accountId))
              .catch(problem('problem.outbox'));
        },
        alert: (intent) => {
          for (const listener of this.listeners) listener.alert?.(intent);
        },
        problem: problem('problem.alertState'),
      },
    );
    this.channels = new ChannelService(
      {
        outbox: stores.outbox,
        channels: () => stores.config.channels,
        keychain: options.keychain,
        env: options.env,
        clock: options.clock,
        language:
          options.language ??
          (() => chooseLanguage(stores.config.settings.language, environmentLanguages(options.env))),
        owner,
      },
      {
        failed: (entry) => {
          for (const listener of this.listeners) listener.channelFailed?.(entry);
        },
      },
    );
    this.channelAdmin = new ChannelAdmin({
      config: stores.config,
      keychain: options.keychain,
      outbox: stores.outbox,
      env: options.env,
    });
    const recorder = new HistoryRecorder(stores.history, owner, problem('problem.history'));
    this.monitor = new Monitor(
      [],
      {
        http: options.http,
        secrets: createSecretResolver(options.env, options.keychain),
        cache: stores.cache,
        history: stores.history,
        ledger: stores.ledger,
        clock: options.clock,
        random: options.random,
      },
      {
        answered: (account, snapshot) => recorder.record(account.id, snapshot),
        result: async (result, outlook, history) => {
          const now = options.clock.wall();
          const sparkline = options.sparklines && history ? sparklineOf(history, now.getTime()) : undefined;
          if (!this.results.record(result, outlook?.forecast ?? null, now, sparkline)) return;
          const entry = this.results.get(result.account.id);
          for (const listener of this.listeners) if (entry) listener.polled?.(entry);
          this.emitChanged();
          await this.alerts.evaluate(result.account, result, outlook);
          // Kept beside the cached value for a one-shot `status`, by the process that writes the data dir.
          if (outlook && result.error === null && owner())
            await stores.cache.keepForecast(result.account.id, outlook.forecast).catch(() => undefined);
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
      forgetAlerts: (accountId) => this.alerts.forget(accountId),
      identities: stores.identities,
      ledger: stores.ledger,
      now: () => options.clock.wall(),
    });
    this.ledger = new LedgerService({
      config: stores.config,
      ledger: stores.ledger,
      refresh: {
        http: options.http,
        secrets: createSecretResolver(options.env, options.keychain),
        cache: stores.cache,
        ledger: stores.ledger,
        now: () => options.clock.wall(),
      },
      now: () => options.clock.wall(),
    });
    stores.config.onChange(() => {
      // At once: a re-pointed account never shows its old host's value, even for the moment the rest takes.
      this.results.setAccounts(this.effectiveAccounts());
      this.emitChanged();
      this.applied = this.applied.then(() => this.applyAccounts());
    });
  }

  /**
   * Claims the data dir's monitoring: the one process that does raises alerts and writes history; another
   * (`watch` while the app runs, say) reads only, so nothing happens twice.
   */
  static async open(options: CoreOptions): Promise<CreditbarCore> {
    const ownership = await MonitorOwnership.open(
      options.stores.paths.dataDir,
      options.clock,
      options.claimTiming,
    );
    return new CreditbarCore(options, ownership);
  }

  /** Whether another process owns this data dir's alerts and history. */
  get readOnly(): boolean {
    return !this.ownership.owner;
  }

  subscribe(events: CoreEvents): () => void {
    this.listeners.add(events);
    return () => this.listeners.delete(events);
  }

  /** Shows the cached values at once (stale), before any request, then starts polling. */
  async start(): Promise<void> {
    this.results.setAccounts(this.effectiveAccounts());
    // Through the same queue as config changes: `settled()` covers the start too.
    this.applied = this.applied.then(async () => {
      await this.alerts.start();
      await this.applyAccounts();
      this.monitor.start();
      this.channels.start();
    });
    await this.applied;
    this.ownership.follow({
      gained: () => {
        this.applied = this.applied.then(async () => {
          await this.alerts.own();
          // What a crashed owner left in the outbox goes now, from here.
          this.channels.start();
        });
        this.emitOwnership(true);
      },
      lost: () => {
        this.alerts.resign();
        this.emitOwnership(false);
      },
    });
  }

  /** Then each account's sparkline from its history; polling has started, so it waits for none of this. */
  async loadSparklines(): Promise<void> {
    const now = this.options.clock.wall().getTime();
    // All at once: each history inflates on the thread pool, side by side.
    const lines = await Promise.all(
      this.stores.config.accounts.map(async (account) => {
        const { points } = await this.stores.history
          .load(account.id)
          .catch(() => ({ points: PointSeries.empty() }));
        return [account.id, sparklineOf(points, now)] as const;
      }),
    );
    for (const [id, sparkline] of lines) this.results.offerSparkline(id, sparkline);
    this.emitChanged();
  }

  /**
   * Reads the config file again (SIGHUP); a file that does not validate, or is gone, is refused and the running one
   * stays. One reload at a time: two SIGHUPs close together end with the file as the second one found it.
   */
  reload(): Promise<void> {
    const next = this.reloading.then(async () => {
      await this.stores.config.reload();
      await this.applied;
    });
    this.reloading = next.catch(() => undefined);
    return next;
  }

  /** Ends polling with the alert state saved, and lets another process take the data dir's monitoring. */
  async stop(): Promise<void> {
    await this.applied;
    await this.monitor.stop();
    await this.alerts.stop();
    await this.channels.stop();
    await this.ownership.stop();
  }

  /** Resolves once no config change is being applied, no poll is in flight and no held alert is on its way. */
  async settled(): Promise<void> {
    await this.applied;
    await this.monitor.settled();
    await this.alerts.settled();
    await this.channels.settled();
  }

  /** A new key for the account: one stopped for a rejected or missing key polls again, and may alert again. */
  keyChanged(accountId: string): void {
    this.alerts.keyChanged(accountId);
    this.monitor.keyChanged(accountId);
  }

  private emitOwnership(owner: boolean): void {
    for (const listener of this.listeners) listener.ownership?.(owner);
    this.emitChanged();
  }

  /** An account's figures as an alert about it is raised: what a channel's message and payload carry. */
  private figuresOf(accountId: string | null): ChannelAlert['account'] {
    const entry = accountId ? this.results.get(accountId) : undefined;
    if (!entry) return null;
    const { account, result, forecast } = entry;
    const snapshot = result.snapshot;
    return {
      id: account.id,
      label: account.label,
      provider: account.provider,
      level: toAccountStatus(result, this.options.clock.wall(), forecast).level,
      remaining: snapshot?.remaining ?? null,
      unit: snapshot?.unit ?? null,
      estimated: snapshot?.extras.ledger !== undefined && snapshot.remaining !== null,
      daysLeft: forecast?.daysLeft ?? null,
      link: PROVIDERS[account.provider].billingUrl ?? null,
    };
  }

  /** Accounts as the monitor and the levels see them: default thresholds filled in from settings. */
  effectiveAccounts(): Account[] {
    const { config } = this.stores;
    return config.accounts.map((a) => effectiveAccount(a, config.settings));
  }

  /**
   * Drops what an account changed by hand (another host or user) left behind, shows each new account's cached
   * value, then hands the monitor the accounts: it asks a re-pointed account's new host only after its old data
   * is gone, so a failing new host never falls back to the old one's value.
   */
  private async applyAccounts(): Promise<void> {
    const notices = await this.accounts.reconcile().catch(() => []);
    for (const said of notices) for (const listener of this.listeners) listener.problem?.(said);
    const accounts = this.effectiveAccounts();
    for (const account of accounts) {
      if (!this.results.unseeded(account.id)) continue;
      this.results.seed(account.id, await this.stores.cache.read(account.id).catch(() => null));
    }
    this.alerts.retain(accounts.map((a) => a.id));
    this.monitor.setAccounts(accounts);
    this.emitChanged();
  }

  private emitChanged(): void {
    for (const listener of this.listeners) listener.changed?.();
  }
}

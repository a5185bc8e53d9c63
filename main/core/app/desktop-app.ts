import type { AlertIntent } from '../../../shared/alerts';
import type { AppState } from '../../../shared/app-state';
import { translatorFor } from '../../../shared/i18n/catalogs';
import type { Translator } from '../../../shared/i18n/translator';
import type { CoreChannel } from '../../../shared/ipc';
import type { InstallSource } from '../../../shared/updates';
import type { InvokeImpl } from '../ipc/ipc-guard';
import type { PauseReason } from '../monitor/monitor';
import { type CoreOptions, CreditbarCore } from '../runtime/creditbar-core';
import { UpdateService } from '../updates/update-service';
import type { UpdaterPort } from '../updates/updater-port';
import { toAppState } from './app-state-view';
import { LaunchAtLogin, type LoginItem } from './appliers/launch-at-login';
import { MetricsEndpointApplier } from './appliers/metrics-endpoint';
import { type RegisterShortcut, ShortcutApplier } from './appliers/shortcut';
import { accountHandlers } from './handlers/accounts';
import { alertHandlers } from './handlers/alerts';
import { channelHandlers } from './handlers/channels';
import type { HandlerContext } from './handlers/handler-context';
import { historyHandlers } from './handlers/history';
import { ledgerHandlers } from './handlers/ledger';
import { linkHandlers } from './handlers/links';
import { settingsHandlers } from './handlers/settings';
import { LanguageChoice } from './language-choice';

export interface DesktopAppOptions extends CoreOptions {
  /** Opens an https link in the person's browser (the shell's effect). */
  openExternal: (url: string) => Promise<void>;
  /** Asks the person where to save a file (the shell's dialog); null when they cancel. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>;
  loginItem: LoginItem;
  /** The person's languages in the OS's order (Electron's app.getPreferredSystemLanguages()); English when none. */
  preferredLanguages?: readonly string[];
  /** The OS the popover is shown on (settings for one OS show there only); the running one by default. */
  platform?: NodeJS.Platform;
  /** Absent where there is no desktop (tests of the core alone). */
  globalShortcut?: RegisterShortcut;
  /** The OS takes a global shortcut without saying whether it will work (Linux under Wayland). */
  shortcutUnchecked?: boolean;
  /** Where the metrics endpoint listens when the setting is on: loopback only (default 127.0.0.1:9464). */
  metricsListen?: string;
  /** Who updates this copy (main/core/updates/install-source.ts); a development build when not given. */
  installSource?: InstallSource;
  /** electron-updater, for a self-updating install only; never made for any other. */
  updater?: UpdaterPort | null;
}

/**
 * The desktop app on the headless core: the popover's state as a projection of the core's last results, the IPC
 * handlers grouped by domain, and the settings the OS applies (language, shortcut, metrics endpoint, launch at
 * login). The shell renders what this decides.
 */
export class DesktopApp {
  readonly handlers: { [C in CoreChannel]: InvokeImpl<C> };
  private readonly keyHints = new Map<string, string | null>();
  private readonly language: LanguageChoice;
  private readonly shortcut: ShortcutApplier;
  private readonly metrics: MetricsEndpointApplier;
  private readonly launchAtLogin: LaunchAtLogin;
  private readonly updates: UpdateService;
  private stopping: Promise<void> | null = null;
  private notificationsBlocked = false;
  private readonly platform: NodeJS.Platform;
  private readonly stateListeners = new Set<(state: AppState) => void>();
  private readonly alertListeners = new Set<(intent: AlertIntent) => void>();

  private constructor(
    private readonly core: CreditbarCore,
    private readonly options: DesktopAppOptions,
  ) {
    const { config } = core.stores;
    this.platform = options.platform ?? process.platform;
    // Each applier follows the config store itself; the core pushes the state again once a change is applied.
    this.language = new LanguageChoice(config, options.preferredLanguages ?? []);
    this.shortcut = new ShortcutApplier(
      config,
      options.globalShortcut,
      this.platform,
      () => this.emitState(),
      options.shortcutUnchecked,
    );
    this.metrics = new MetricsEndpointApplier(
      config,
      core.results,
      options.metricsListen,
      () => options.clock.wall(),
      () => this.emitState(),
      () => core.channels.failureCounts(),
    );
    this.launchAtLogin = new LaunchAtLogin(options.loginItem);
    this.updates = new UpdateService(
      options.installSource ?? { kind: 'unpackaged' },
      options.updater ?? null,
      config,
      options.clock,
      () => this.emitState(),
    );
    core.subscribe({
      changed: () => this.emitState(),
      alert: (intent) => {
        for (const listener of this.alertListeners) listener(intent);
      },
    });
    const ctx: HandlerContext = {
      core,
      keyHints: this.keyHints,
      launchAtLogin: this.launchAtLogin,
      state: () => this.state(),
      emitState: () => this.emitState(),
      openExternal: options.openExternal,
      chooseSaveFile: options.chooseSaveFile,
    };
    this.handlers = {
      ...settingsHandlers(ctx),
      ...accountHandlers(ctx),
      ...alertHandlers(ctx),
      ...historyHandlers(ctx),
      ...ledgerHandlers(ctx),
      ...channelHandlers(ctx),
      ...linkHandlers(ctx),
      'updates:check': async () => {
        await this.updates.checkNow();
        return null;
      },
      'updates:install': async () => {
        await this.installUpdate();
        return null;
      },
    };
  }

  /** Opens the core (claiming the data dir's monitoring when no other process holds it). */
  static async open(options: DesktopAppOptions): Promise<DesktopApp> {
    return new DesktopApp(await CreditbarCore.open({ ...options, sparklines: true }), options);
  }

  /** Shows the cached values at once (stale), before any request, then starts polling. */
  async start(launchAtLogin: boolean): Promise<void> {
    this.launchAtLogin.enabled = launchAtLogin;
    // The tray and its menu get their first state before the shortcut can open anything.
    await this.core.start();
    this.shortcut.apply();
    await this.metrics.apply();
    await this.core.loadSparklines();
    this.updates.start();
  }

  /**
   * Stops polling and serving and waits for every write; once is enough, however many ask. Quitting installs a
   * downloaded update, so its file is checked first (UpdateService.beforeQuit).
   */
  stop(): Promise<void> {
    this.stopping ??= this.updates.beforeQuit().then(() => this.stopServices());
    return this.stopping;
  }

  private async stopServices(): Promise<void> {
    this.updates.stop();
    await this.metrics.stop();
    await this.core.stop();
  }

  /**
   * "Restart to update": the file is checked, then the data is saved and the core stopped before the updater
   * replaces the app and starts the new version, which must find the data dir free.
   */
  async installUpdate(): Promise<void> {
    const updater = await this.updates.requireInstallable();
    // Checked just now: stopping does not read the whole installer a second time.
    this.stopping ??= this.stopServices();
    await this.stopping;
    updater.installNow();
  }

  /** "Check for updates" from the tray menu; the outcome shows in the menu and Settings. */
  checkForUpdates(): Promise<void> {
    return this.updates.checkNow();
  }

  /** Resolves once no config change is being applied and no poll is in flight. */
  settled(): Promise<void> {
    return this.core.settled();
  }

  /** Writes for the person in the language of this moment: the tray, its menu and notifications. */
  get translator(): Translator {
    return translatorFor(this.language.chosen);
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
    return new Set(this.core.stores.config.accounts.map((a) => a.id));
  }

  /** The popover was opened: values older than a minute are asked for now, once (see Monitor.lookedAt). */
  lookedAt(): Promise<void> {
    return this.core.monitor.lookedAt();
  }

  pause(reason: PauseReason): void {
    this.core.monitor.pause(reason);
    this.emitState();
  }

  resume(reason: PauseReason): void {
    this.core.monitor.resume(reason);
    this.emitState();
  }

  /**
   * The OS refused to show a notification (macOS turns away an unsigned app's since Electron 42): the alert still
   * stands in the tray and the popover, and the popover says once, until the app restarts, how to allow them.
   */
  notificationFailed(): void {
    if (this.notificationsBlocked) return;
    this.notificationsBlocked = true;
    this.emitState();
  }

  /** The menu's and the popover's switch: the state shown afterwards is what the OS did, refused or not. */
  async setLaunchAtLogin(value: boolean): Promise<void> {
    try {
      await this.launchAtLogin.set(value);
    } finally {
      this.emitState();
    }
  }

  state(): AppState {
    const { config } = this.core.stores;
    const { monitor } = this.core;
    const metricsServer = this.metrics.view;
    return toAppState({
      accounts: config.accounts,
      settings: config.settings,
      entries: this.core.results,
      keyHints: this.keyHints,
      snoozedUntil: (id) => this.core.alerts.snoozedUntil(id),
      nextCheck: (id) => monitor.nextCheck(id),
      paused: monitor.isPaused,
      launchAtLogin: this.launchAtLogin.enabled,
      launchAtLoginAvailable: this.launchAtLogin.available,
      presets: config.presets,
      platform: this.platform,
      language: this.language.chosen,
      systemLanguage: this.language.system,
      shortcutProblem: this.shortcut.problem,
      notificationsBlocked: this.notificationsBlocked,
      ...(metricsServer ? { metricsServer } : {}),
      updates: this.updates.view,
      now: this.options.clock.wall(),
    });
  }

  private emitState(): void {
    const state = this.state();
    for (const listener of this.stateListeners) listener(state);
  }
}

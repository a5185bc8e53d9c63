import { homedir } from 'node:os';
import path from 'node:path';
import { app, dialog, globalShortcut, nativeTheme, net, powerMonitor, shell } from 'electron';
import { translatorFor } from '../shared/i18n/catalogs';
import { chooseLanguage } from '../shared/i18n/languages';
import { zodInEveryLanguage } from '../shared/i18n/zod-words';
import type { NavigateTarget } from '../shared/ipc';
import { checkReply } from '../shared/update-text';
import { DesktopApp } from './core/app/desktop-app';
import { AppFailure, ConfigError } from './core/errors';
import { systemClock } from './core/monitor/clock';
import { appUserModelId } from './core/present/app-identity';
import { loginItemPlan, START_HIDDEN_FLAG } from './core/present/autostart';
import { ozonePlatform } from './core/present/linux-display';
import type { MenuAction } from './core/present/menu-model';
import { devRendererUrl, popoverTheme } from './core/present/window-options';
import { createHttpClient } from './core/providers/http';
import { openStores } from './core/store/open-stores';
import { resolvePaths } from './core/store/paths';
import { createKeytarStore, keychainService, PROMPT_DEADLINE_MS } from './core/store/secrets';
import { installSource, readInstallFacts } from './core/updates/install-source';
import { pushState, registerIpc } from './shell/ipc';
import { getLaunchAtLogin, setLaunchAtLogin } from './shell/login-item';
import { showAlert } from './shell/notifications';
import { Popover } from './shell/popover';
import { CreditbarTray } from './shell/tray';
import { electronUpdater } from './shell/updater';

/**
 * How often the main process checks connectivity (Electron has no online/offline event outside a page): once a
 * minute, the one housekeeping wake-up the idle budget allows.
 */
const ONLINE_CHECK_MS = 60_000;

// Before anything else: Chromium picks its display backend as it starts (linux-display.ts says why X11).
const ozone = ozonePlatform(process.platform, process.env);
if (ozone) app.commandLine.appendSwitch('ozone-platform', ozone);

async function main(): Promise<void> {
  const preferredLanguages = app.getPreferredSystemLanguages();
  if (process.platform === 'darwin') app.dock?.hide();
  // Before any notification: Windows shows them only for the installer's AppUserModelID.
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId(app.isPackaged));
  const loginPlan = loginItemPlan({
    platform: process.platform,
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    appImage: process.env.APPIMAGE,
    configHome: process.env.XDG_CONFIG_HOME || path.join(homedir(), '.config'),
  });
  const source = installSource(
    readInstallFacts({
      platform: process.platform,
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      resourcesPath: process.resourcesPath,
      env: process.env,
      productName: app.getName(),
    }),
  );
  const stores = await openStores(
    resolvePaths({ dataDir: app.getPath('userData') }, process.env, process.platform, homedir()),
  );
  // A `creditbar watch` (or serve) already owning this data dir keeps its alerts and history; the app reads.
  const desktop = await DesktopApp.open({
    stores,
    // The OS may ask the person before it hands a key over: wait as long as they take, and check the accounts
    // again as soon as they answer.
    keychain: createKeytarStore(keychainService(process.env), process.platform, undefined, {
      deadlineMs: PROMPT_DEADLINE_MS,
      onLateAnswer: () => void desktop.handlers['accounts:refresh']({}).catch(() => undefined),
    }),
    env: process.env,
    installSource: source,
    updater:
      source.kind === 'self-updating' ? await electronUpdater(() => app.releaseSingleInstanceLock()) : null,
    http: createHttpClient(),
    clock: systemClock,
    random: Math.random,
    openExternal: (url) => shell.openExternal(url),
    chooseSaveFile: async (suggestedName) => {
      const { canceled, filePath } = await dialog.showSaveDialog({ defaultPath: suggestedName });
      return canceled || !filePath ? null : filePath;
    },
    preferredLanguages,
    // Under XWayland (linux-display.ts) X11's global keys work while the session lets them; natively on Wayland
    // the desktop's portal decides, unseen.
    shortcutUnchecked:
      process.platform === 'linux' &&
      ozone === null &&
      (process.env.XDG_SESSION_TYPE === 'wayland' || Boolean(process.env.WAYLAND_DISPLAY)),
    globalShortcut: (accelerator) => {
      globalShortcut.unregisterAll();
      return accelerator === null || globalShortcut.register(accelerator, () => popover.toggle(tray.bounds));
    },
    loginItem:
      loginPlan.kind === 'unavailable'
        ? { unavailable: loginPlan.reason }
        : { apply: (enabled) => setLaunchAtLogin(loginPlan, enabled) },
  });
  const devUrl = devRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  const popover = new Popover({
    devUrl,
    devTools: !app.isPackaged,
    onReady: (window) => pushState(window, desktop.state()),
    onShow: () => void desktop.lookedAt(),
    theme: () => popoverTheme(desktop.state().settings.theme, nativeTheme.shouldUseDarkColors),
  });
  let resumeTimer: NodeJS.Timeout | null = null;
  const open = (target: NavigateTarget) => popover.open(tray.bounds, target);
  const onAction = async (action: MenuAction) => {
    switch (action.type) {
      case 'open':
        return open(
          action.accountId ? { view: 'account', accountId: action.accountId } : { view: 'overview' },
        );
      case 'hide':
        return popover.hide();
      case 'settings':
        return open({ view: 'settings' });
      case 'refresh':
        return desktop.handlers['accounts:refresh']({});
      case 'pause':
        desktop.pause('user');
        if (resumeTimer) clearTimeout(resumeTimer);
        if (action.minutes !== null)
          resumeTimer = setTimeout(() => desktop.resume('user'), action.minutes * 60_000);
        return;
      case 'resume':
        if (resumeTimer) clearTimeout(resumeTimer);
        return desktop.resume('user');
      case 'toggle-login':
        // A menu has nowhere to say why the OS held the item back: a dialog does, in the app's language.
        return desktop.setLaunchAtLogin(!desktop.state().launchAtLogin).catch((error: unknown) => {
          if (error instanceof AppFailure)
            void dialog.showMessageBox({ type: 'info', message: desktop.translator.say(error.said) });
        });
      case 'check-updates': {
        // Asked from the menu, the answer needs a place to appear: a dialog, unless the download is under way.
        await desktop.checkForUpdates();
        const reply = checkReply(desktop.translator, desktop.state().updates, Date.now());
        if (reply) await dialog.showMessageBox({ type: 'info', message: reply });
        return;
      }
      case 'install-update':
        return desktop.installUpdate();
      case 'quit':
        return app.quit();
    }
  };
  const tray = new CreditbarTray(
    process.platform,
    (action) =>
      void onAction(action).catch(() => {
        // Every action that can fail says so in the popover's state; a menu click has nowhere to show an error.
      }),
    () => popover.toggle(tray.bounds),
  );
  registerIpc(
    {
      ...desktop.handlers,
      'popover:ready': async () => {
        popover.ready();
        return null;
      },
      'popover:hide': async () => {
        popover.hide();
        return null;
      },
      'popover:fit': async ({ height }) => {
        popover.fit(height);
        return null;
      },
    },
    () => (popover.current ? [popover.current] : []),
    popover.appUrlPrefix,
  );
  desktop.onState((state) => {
    tray.update(state, desktop.translator);
    pushState(popover.current, state);
  });
  desktop.onAlert((intent) =>
    showAlert(
      desktop.translator,
      intent,
      desktop.accountIds,
      (accountId) => open(accountId ? { view: 'account', accountId } : { view: 'overview' }),
      () => desktop.notificationFailed(),
    ),
  );

  powerMonitor.on('suspend', () => desktop.pause('suspend'));
  powerMonitor.on('resume', () => desktop.resume('suspend'));
  let online = net.isOnline();
  if (!online) desktop.pause('offline');
  setInterval(() => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    if (now) desktop.resume('offline');
    else desktop.pause('offline');
  }, ONLINE_CHECK_MS);

  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('second-instance', () => open({ view: 'overview' }));
  // macOS: opening the app again from Finder or Spotlight while it runs.
  app.on('activate', () => open({ view: 'overview' }));
  // Electron does not wait for a promise in before-quit: hold the quit until polls and writes have settled.
  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    void desktop.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  // Created ahead so the first click opens without a visible delay.
  popover.create();
  await desktop.start(await getLaunchAtLogin(loginPlan));
  const startedAtLogin =
    process.argv.includes(START_HIDDEN_FLAG) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  if (!startedAtLogin && desktop.state().accounts.length === 0) open({ view: 'overview' });
}

// zod's own words are made in every language as a value is checked; each reader's is said (zod-words.ts).
zodInEveryLanguage();
if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('window-all-closed', () => {
    // A tray app lives on with no window open.
  });
  app
    .whenReady()
    .then(main)
    .catch((error: unknown) => {
      // A config that does not validate is named field by field, as the CLI does, and left untouched.
      // Settings could not be read: the OS's language.
      const { say, t } = translatorFor(chooseLanguage(undefined, app.getPreferredSystemLanguages()));
      const detail = error instanceof ConfigError ? say(error.said) : t('startup.unexpected');
      dialog.showErrorBox(t('startup.title'), detail);
      app.quit();
    });
}

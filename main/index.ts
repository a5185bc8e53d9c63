import { homedir } from 'node:os';
import { app, dialog, net, powerMonitor, shell } from 'electron';
import { AppController } from './core/app/app-controller';
import { systemClock } from './core/monitor/clock';
import type { MenuAction } from './core/present/menu-model';
import { createHttpClient } from './core/providers/http';
import { ConfigError } from './core/store/config-file';
import { resolvePaths } from './core/store/paths';
import { createKeytarStore } from './core/store/secrets';
import { pushNavigate, pushState, registerIpc } from './shell/ipc';
import { getLaunchAtLogin, setLaunchAtLogin } from './shell/login-item';
import { showAlert } from './shell/notifications';
import { APP_URL_PREFIX, Popover } from './shell/popover';
import { CreditbarTray } from './shell/tray';

/**
 * How often the main process checks connectivity (Electron has no online/offline event outside a page): once a
 * minute, the one housekeeping wake-up the idle budget allows.
 */
const ONLINE_CHECK_MS = 60_000;

async function main(): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide();
  const controller = new AppController({
    paths: resolvePaths({ dataDir: app.getPath('userData') }, process.env, process.platform, homedir()),
    store: createKeytarStore(),
    env: process.env,
    http: createHttpClient(),
    clock: systemClock,
    random: Math.random,
    openExternal: (url) => shell.openExternal(url),
    chooseSaveFile: async (suggestedName) => {
      const { canceled, filePath } = await dialog.showSaveDialog({ defaultPath: suggestedName });
      return canceled || !filePath ? null : filePath;
    },
    applyLaunchAtLogin: setLaunchAtLogin,
  });
  const popover = new Popover(!app.isPackaged, (window) => {
    window.webContents.on('did-finish-load', () => pushState(window, controller.state()));
  });
  let resumeTimer: NodeJS.Timeout | null = null;
  const open = (accountId: string | null = null) => {
    popover.show(tray.bounds);
    if (accountId) pushNavigate(popover.current, accountId);
  };
  const onAction = async (action: MenuAction) => {
    switch (action.type) {
      case 'open':
        return open(action.accountId ?? null);
      case 'settings':
        open(null);
        return pushNavigate(popover.current, 'settings');
      case 'refresh':
        return controller.handlers['accounts:refresh']({});
      case 'pause':
        controller.pause('user');
        if (resumeTimer) clearTimeout(resumeTimer);
        if (action.minutes !== null)
          resumeTimer = setTimeout(() => controller.resume('user'), action.minutes * 60_000);
        return;
      case 'resume':
        if (resumeTimer) clearTimeout(resumeTimer);
        return controller.resume('user');
      case 'toggle-login':
        return controller.setLaunchAtLogin(!controller.state().launchAtLogin);
      case 'quit':
        return app.quit();
    }
  };
  const tray = new CreditbarTray(
    process.platform,
    (action) => void onAction(action),
    () => popover.toggle(tray.bounds),
  );
  registerIpc(controller, () => (popover.current ? [popover.current] : []), APP_URL_PREFIX);
  controller.onState((state) => {
    tray.update(state);
    pushState(popover.current, state);
  });
  controller.onAlert((intent) => showAlert(intent, controller.accountIds, open));

  powerMonitor.on('suspend', () => controller.pause('suspend'));
  powerMonitor.on('resume', () => controller.resume('suspend'));
  let online = net.isOnline();
  if (!online) controller.pause('offline');
  setInterval(() => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    if (now) controller.resume('offline');
    else controller.pause('offline');
  }, ONLINE_CHECK_MS);

  app.on('second-instance', () => open(null));
  app.on('before-quit', () => void controller.stop());
  // Created ahead so the first click opens without a visible delay.
  popover.create();
  await controller.start(await getLaunchAtLogin());
  if (!process.argv.includes('--hidden') && controller.state().accounts.length === 0) open(null);
}

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
      const detail =
        error instanceof ConfigError ? error.message : 'An unexpected error stopped Creditbar from starting.';
      dialog.showErrorBox('Creditbar cannot start', detail);
      app.quit();
    });
}

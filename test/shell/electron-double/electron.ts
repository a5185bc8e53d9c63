/**
 * A stand-in for the `electron` module, loaded in place of it when the harness runs the BUILT main process
 * (out/main/index.js) in plain Node. It exists because Electron's binary cannot be fetched on our machines; it is
 * not Electron, and nothing here proves a pixel or an OS integration.
 *
 * What it does: every member the shell uses is typed against electron.d.ts (see the `satisfies` checks below, so
 * `tsc` fails if it drifts from Electron's signatures), records each call to a file, and enforces the rules of
 * Electron's that the shell has got wrong before:
 * - Tray, BrowserWindow and screen throw before `ready` (screen's docs: "cannot be used until the ready event");
 *   Menu and Notification may be made before it;
 * - a Notification nobody holds is collected (Electron keeps only a weak reference) and its click is lost,
 *   also one clicked in the Windows Action Center after its toast timed out (`close`, reason 'timedOut');
 * - macOS: an unsigned app's notification fails (`failed`, Electron 42+);
 * - a message sent to a page before it has loaded and subscribed goes nowhere;
 * - setting a context menu closes the one a person has open;
 * - macOS: a left click on an icon with an attached menu pops the menu too; panels raise no focus events;
 * - Windows: a click on the tray icon first takes focus from the window (blur), then clicks; login items are
 *   matched by path and args; a notification before setAppUserModelId runs under an id
 *   Electron generates (since 42), not the installer's;
 * - Linux (StatusNotifierItem): `click` comes on activation, which KDE gives a left click and GNOME's
 *   AppIndicator a double click; other clicks show the attached menu;
 * - Wayland: no blur, setPosition does nothing, a shown window is not resized and cannot take the focus from
 *   another (xdg-shell, xdg-activation), unless `--ozone-platform=x11` was set before ready (XWayland);
 * - Linux: a window other than a utility one is listed in the taskbar and Alt-Tab (no skipTaskbar there);
 * - setSize does not shrink a window that is not resizable (electron#42258);
 * - quitting does not wait for promises: the process ends right after `will-quit`;
 * - Windows: a tray tooltip is cut at 127 characters (szTip);
 * - a window shows its backgroundColor (white by default) before its page paints: a flash on a dark page;
 * - macOS: showing a window made on another Space switches Spaces, away from a full-screen app, unless it is
 *   visible on all workspaces with visibleOnFullScreen;
 * - globalShortcut before `ready` throws; a shortcut another app holds fails to register (returns false), and
 *   registering one this app already holds is refused too;
 * - `quit` is emitted after `will-quit` (app docs, Event: 'quit'), where electron-updater installs on quit;
 * - net.request (ClientRequest docs) answers over real HTTP, but has no timeout and emits no `socket` event, so a
 *   server that never answers leaves the request waiting; with `redirect: 'manual'` a redirect is cancelled unless
 *   followRedirect() is called during the `redirect` event; failures are Chromium's `net::ERR_*` errors.
 * The page is simulated by what the real renderer does on load: subscribe, `state:get`, then `popover:ready`.
 */

import { EventEmitter } from 'node:events';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import { type DoubleSetup, type ParentMessage, SETUP_ENV, type ShellCommand } from './protocol';

const setup = JSON.parse(process.env[SETUP_ENV] ?? 'null') as DoubleSetup & { recordFile: string };
/** The app's folder (app.getAppPath): the built main process runs from out/main/ in the repository. */
const APP_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Written synchronously: a process that Electron would end at once must not lose its last records. */
function record(call: string, detail: unknown = null): void {
  appendFileSync(setup.recordFile, `${JSON.stringify({ call, detail, at: Date.now() })}\n`);
}

let isReady = false;
function requireReady(what: string): void {
  if (!isReady) throw new Error(`${what} cannot be used before the app is ready`);
}

// ---------------------------------------------------------------------------------------------------- images

class ImageDouble {
  readonly sizes: number[] = [];
  template = false;
  addRepresentation(options: Electron.AddRepresentationOptions): void {
    this.sizes.push(options.scaleFactor ?? 1);
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
}
const image = (value: unknown) => value as ImageDouble;

// ------------------------------------------------------------------------------------------------------- app

type LoginItemKey = string;

/**
 * Whether windows live under Wayland's limits: a Wayland session, unless the app asked Chromium for X11 before
 * `ready` (`--ozone-platform=x11`: XWayland, where placing, stacking and focus work as on X11).
 */
let onX11 = false;
const underWayland = () => setup.wayland && !onX11;

class AppDouble extends EventEmitter {
  readonly isPackaged = setup.isPackaged;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string): void => {
      record('app.commandLine.appendSwitch', { name, value });
      if (name !== 'ozone-platform') return;
      // Chromium reads its display backend once, as it starts: too late once the app is ready.
      if (isReady)
        record('rule', 'ozone-platform set after ready: Chromium already chose its display backend');
      else onX11 = value === 'x11';
    },
  };
  readonly dock = setup.platform === 'darwin' ? { hide: () => record('app.dock.hide') } : undefined;
  appUserModelId: string | null = null;

  /** The person's languages as the OS orders them (the harness's; English unless a test says otherwise). */
  getPreferredSystemLanguages(): string[] {
    return [...setup.languages];
  }
  /** Kept in a file beside the lock: the OS's login items outlive the app, so a restart reads them back. */
  private readonly loginItemsFile = path.join(setup.lockDir, 'login-items.json');
  private readonly readyPromise: Promise<void>;

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) =>
      setTimeout(() => {
        isReady = true;
        this.emit('ready', {}, {});
        resolve();
      }, 0),
    );
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** The app's package.json version, as Electron reads it for an app (app.getVersion docs). */
  getVersion(): string {
    return (JSON.parse(readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
  }

  /** package.json's productName, else its name (app.getName docs). */
  getName(): string {
    const pkg = JSON.parse(readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      productName?: string;
    };
    return pkg.productName ?? pkg.name;
  }

  getAppPath(): string {
    return APP_ROOT;
  }

  relaunch(options?: Electron.RelaunchOptions): void {
    record('app.relaunch', options ?? null);
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name !== 'userData') throw new Error(`The double knows only userData, not ${name}`);
    return setup.userData;
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
    record('app.setAppUserModelId', id);
  }

  private loginKey(pathOption: string | undefined, args: string[] | undefined): LoginItemKey {
    // Windows keeps a Run entry per executable and compares its arguments when asked; macOS has one per app.
    return setup.platform === 'win32' ? JSON.stringify([pathOption ?? process.execPath, args ?? []]) : 'app';
  }

  private loginItems(): LoginItemKey[] {
    try {
      return JSON.parse(readFileSync(this.loginItemsFile, 'utf8')) as LoginItemKey[];
    } catch {
      return [];
    }
  }

  getLoginItemSettings(options?: Electron.LoginItemSettingsOptions): Electron.LoginItemSettings {
    if (setup.platform === 'linux') record('rule', 'getLoginItemSettings is not supported on Linux');
    const openAtLogin = this.loginItems().includes(this.loginKey(options?.path, options?.args));
    // Registered is not launching: macOS 13+ may wait for approval (status), Windows' Startup apps may have it
    // off (executableWillLaunchAtLogin); app.getLoginItemSettings docs.
    const held = openAtLogin && setup.loginItemsHeldBack;
    return {
      openAtLogin,
      wasOpenedAtLogin: false,
      status: !openAtLogin
        ? 'not-registered'
        : held && setup.platform === 'darwin'
          ? 'requires-approval'
          : 'enabled',
      executableWillLaunchAtLogin: openAtLogin && !(held && setup.platform === 'win32'),
      launchItems: [],
    };
  }

  setLoginItemSettings(settings: Electron.Settings): void {
    if (setup.platform === 'linux') record('rule', 'setLoginItemSettings is not supported on Linux');
    const key = this.loginKey(settings.path, settings.args);
    const items = this.loginItems().filter((k) => k !== key);
    writeFileSync(this.loginItemsFile, JSON.stringify(settings.openAtLogin ? [...items, key] : items));
    record('app.setLoginItemSettings', {
      openAtLogin: settings.openAtLogin,
      path: settings.path,
      args: settings.args,
    });
  }

  /** A real lock across processes: a file made exclusively, and a mailbox the holder reads. */
  requestSingleInstanceLock(): boolean {
    const lock = path.join(setup.lockDir, 'lock');
    const mailbox = path.join(setup.lockDir, 'second-instance');
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      appendFileSync(mailbox, `${JSON.stringify(process.argv.slice(2))}\n`);
      record('app.requestSingleInstanceLock', false);
      return false;
    }
    process.on('exit', () => rmSync(lock, { force: true }));
    let seen = 0;
    setInterval(() => {
      let lines: string[] = [];
      try {
        lines = readFileSync(mailbox, 'utf8').split('\n').filter(Boolean);
      } catch {
        return;
      }
      for (const line of lines.slice(seen)) this.emit('second-instance', {}, JSON.parse(line), process.cwd());
      seen = lines.length;
    }, 50).unref();
    record('app.requestSingleInstanceLock', true);
    return true;
  }

  releaseSingleInstanceLock(): void {
    rmSync(path.join(setup.lockDir, 'lock'), { force: true });
    record('app.releaseSingleInstanceLock');
  }

  quit(): void {
    record('app.quit');
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit('before-quit', event);
    if (prevented) {
      record('app.quit-deferred');
      return;
    }
    this.emit('will-quit', event);
    if (prevented) return;
    this.emit('quit', event, 0);
    this.exit(0);
  }

  exit(exitCode = 0): void {
    record('app.exit', exitCode);
    process.exit(exitCode);
  }
}

export const app = new AppDouble();

// ----------------------------------------------------------------------------------------------- web contents

let nextId = 1;
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
const ipcHandlers = new Map<string, InvokeHandler>();

class WebContentsDouble extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = { url: '' };
  /** Whether the simulated page has subscribed to pushes; before that, a send goes nowhere. */
  private listening = false;
  destroyed = false;
  /** What the page shows after the navigations it received. */
  view: unknown = null;
  private headersHandler:
    | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void)
    | null = null;
  readonly session = {
    setPermissionRequestHandler: (_handler: unknown) => undefined,
    setPermissionCheckHandler: (_handler: unknown) => undefined,
    webRequest: {
      onHeadersReceived: (handler: NonNullable<WebContentsDouble['headersHandler']>) => {
        this.headersHandler = handler;
      },
    },
  };

  setWindowOpenHandler(_handler: unknown): void {}

  /** The Content-Security-Policy header the shell adds to the page's responses. */
  csp(): string | null {
    let csp: string | null = null;
    this.headersHandler?.({ responseHeaders: {} }, (result) => {
      const headers = (result as { responseHeaders: Record<string, string[]> }).responseHeaders;
      csp = headers['Content-Security-Policy']?.[0] ?? null;
    });
    return csp;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    if (!this.listening) {
      record('webContents.send-lost', { channel });
      return;
    }
    record('webContents.send', { channel, payload: args[0] });
    if (channel === 'navigate') this.view = args[0];
  }

  load(url: string): void {
    this.listening = false;
    this.mainFrame.url = url;
    setTimeout(() => {
      if (this.destroyed) return;
      this.emit('did-start-loading');
      setTimeout(() => {
        if (this.destroyed) return;
        this.emit('did-finish-load');
        // The renderer mounts after load: it subscribes, asks for the state, then says it is ready.
        setTimeout(() => void this.mount().catch((error: Error) => record('page.error', error.message)), 5);
      }, 10);
    }, 0);
  }

  private async mount(): Promise<void> {
    if (this.destroyed) return;
    this.listening = true;
    record('page.mounted', { url: this.mainFrame.url });
    await invoke(this, 'state:get', {});
    await invoke(this, 'popover:ready', {});
  }
}

/** What the preload's ipcRenderer.invoke does: a message from this page's top frame to main's handler. */
export async function invoke(
  contents: WebContentsDouble,
  channel: string,
  payload: unknown,
): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const result = await handler({ sender: contents, senderFrame: contents.mainFrame }, payload);
  record('ipc.invoke', { channel, result });
  return result;
}

// ---------------------------------------------------------------------------------------------------- windows

const windows = new Set<WindowDouble>();
let focused: WindowDouble | null = null;

class WindowDouble extends EventEmitter {
  readonly id = nextId++;
  readonly webContents = new WebContentsDouble();
  private visible = false;
  private destroyed = false;
  private position: [number, number] = [0, 0];
  private size: [number, number];
  private resizable: boolean;
  private readonly panel: boolean;
  private readonly background: string;
  private readonly type: string | null;
  private onAllWorkspaces = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    requireReady('BrowserWindow');
    super();
    this.size = [options.width ?? 800, options.height ?? 600];
    this.resizable = options.resizable ?? true;
    this.panel = setup.platform === 'darwin' && options.type === 'panel';
    this.type = options.type ?? null;
    this.background = options.backgroundColor ?? '#FFF';
    windows.add(this);
    const { preload: _preload, ...webPreferences } = options.webPreferences ?? {};
    record('window.create', { id: this.id, type: options.type ?? null, show: options.show, webPreferences });
  }

  loadFile(filePath: string): Promise<void> {
    record('window.loadFile', path.basename(filePath));
    this.webContents.load(pathToFileURL(filePath).href);
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    record('window.loadURL', url);
    this.webContents.load(url);
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isVisible(): boolean {
    return this.visible;
  }

  getSize(): number[] {
    return [...this.size];
  }

  setResizable(resizable: boolean): void {
    this.resizable = resizable;
  }

  setSize(width: number, height: number): void {
    // Wayland: a client cannot size its own toplevel once mapped (the compositor decides; xdg-shell).
    if (underWayland() && this.visible) {
      record('window.setSize-ignored', { width, height });
      return;
    }
    if (!this.resizable && (width < (this.size[0] as number) || height < (this.size[1] as number))) {
      record('rule', 'setSize does not make a window smaller while it is not resizable (electron#42258)');
      return;
    }
    this.size = [width, height];
    record('window.setSize', { width, height });
  }

  setPosition(x: number, y: number): void {
    if (underWayland()) {
      record('window.setPosition-ignored', { x, y });
      return;
    }
    this.position = [x, y];
    record('window.setPosition', { x, y });
  }

  setVisibleOnAllWorkspaces(visible: boolean, options?: Electron.VisibleOnAllWorkspacesOptions): void {
    this.onAllWorkspaces = visible && options?.visibleOnFullScreen === true;
    record('window.setVisibleOnAllWorkspaces', { visible, ...options });
  }

  show(): void {
    // A window shows its backgroundColor (white unless set) until the page paints: a flash on a dark page
    // (BrowserWindow docs, "Setting the backgroundColor").
    const page = nativeTheme.shouldUseDarkColors ? 'dark' : 'light';
    if (page === 'dark' && /^#f{3}(f{3})?$/i.test(this.background))
      record(
        'rule',
        'a white window flashed before the dark page painted: backgroundColor is not set for it',
      );
    // macOS: a window made on one Space is shown there, switching the person away from a full-screen app
    // (setVisibleOnAllWorkspaces with visibleOnFullScreen keeps it where they are).
    // Linux: skipTaskbar is not implemented (BrowserWindow docs: macOS and Windows); a normal window is listed in
    // the taskbar and Alt-Tab, a utility window (EWMH) is not.
    if (setup.platform === 'linux' && this.type !== 'utility')
      record(
        'rule',
        'the popover is listed in the Linux taskbar and Alt-Tab: skipTaskbar does nothing there',
      );
    if (setup.platform === 'darwin' && setup.fullScreenSpace && !this.onAllWorkspaces)
      record(
        'rule',
        'macOS switched Spaces to show the popover, away from the full-screen app the person was in',
      );
    this.visible = true;
    record('window.show', { id: this.id });
    this.focus();
  }

  focus(): void {
    if (!this.visible || focused === this) return;
    // Wayland: a client cannot take the focus without an activation token (xdg-activation); Electron's focus()
    // is refused, so the popover may open behind the window the person is in.
    if (underWayland() && focused !== null) {
      record('window.focus-refused', { id: this.id });
      return;
    }
    focused?.loseFocus();
    focused = this;
    if (this.panel) record('rule', 'a macOS panel raises no focus event');
    else this.emit('focus');
  }

  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    record('window.hide', { id: this.id });
    if (focused === this) this.loseFocus();
  }

  loseFocus(): void {
    if (focused === this) focused = null;
    if (this.panel) {
      record('rule', 'a macOS panel raises no blur event');
      return;
    }
    this.emit('blur');
  }

  destroy(): void {
    if (this.destroyed) return;
    this.visible = false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    if (focused === this) focused = null;
    windows.delete(this);
    record('window.destroy', { id: this.id });
    this.emit('closed');
  }

  snapshot() {
    return {
      id: this.id,
      visible: this.visible,
      position: this.position,
      size: this.size,
      url: this.webContents.mainFrame.url,
      view: this.webContents.view,
      csp: this.webContents.csp(),
    };
  }
}

// ------------------------------------------------------------------------------------------------- menus, tray

interface MenuItemDouble {
  label: string;
  type: string;
  enabled: boolean;
  checked: boolean;
  click?: Electron.MenuItemConstructorOptions['click'];
}

class MenuDouble {
  constructor(readonly items: MenuItemDouble[]) {}
  labels(): string[] {
    return this.items.map((i) => {
      if (i.type === 'separator') return '---';
      const check = i.type === 'checkbox' ? (i.checked ? '[x] ' : '[ ] ') : '';
      return `${i.enabled ? '' : '(disabled) '}${check}${i.label}`;
    });
  }
}
const menuOf = (menu: unknown) => menu as MenuDouble;

export const Menu = {
  buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): Electron.Menu {
    // A menu may be built before `ready` (Electron's Menu docs set the application menu that early).
    const items = (template as Electron.MenuItemConstructorOptions[]).map((t) => ({
      label: t.label ?? '',
      type: t.type ?? 'normal',
      enabled: t.enabled ?? true,
      checked: t.checked ?? false,
      click: t.click,
    }));
    return new MenuDouble(items) as unknown as Electron.Menu;
  },
};

let tray: TrayDouble | null = null;

class TrayDouble extends EventEmitter {
  private contextMenu: MenuDouble | null = null;
  /** The menu on screen, if any, until an item is chosen or it is dismissed. */
  openMenu: MenuDouble | null = null;
  title = '';
  tooltip = '';

  constructor(imageValue: Electron.NativeImage | string) {
    requireReady('Tray');
    super();
    tray = this;
    record('tray.create', { template: image(imageValue).template });
  }

  setImage(imageValue: Electron.NativeImage | string): void {
    const drawn = image(imageValue);
    record('tray.setImage', { sizes: drawn.sizes, template: drawn.template });
  }

  setTitle(title: string): void {
    this.title = title;
    record('tray.setTitle', title);
  }

  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
    record('tray.setToolTip', toolTip);
    // Windows copies the tooltip into NOTIFYICONDATA's szTip, 128 characters with its terminator: the rest is
    // cut, mid-word (Electron's tray_icon_win.cc; Shell_NotifyIcon docs).
    if (setup.platform === 'win32' && toolTip.length > 127)
      record(
        'rule',
        `Windows cut the tray tooltip at 127 characters: "${toolTip.slice(120, 127)}|${toolTip.slice(127, 134)}"`,
      );
  }

  setContextMenu(menu: Electron.Menu | null): void {
    if (this.openMenu) {
      record('rule', 'setContextMenu closed the menu the person had open');
      this.openMenu = null;
    }
    this.contextMenu = menu ? menuOf(menu) : null;
    record('tray.setContextMenu', this.contextMenu?.labels() ?? null);
  }

  popUpContextMenu(menu?: Electron.Menu): void {
    if (setup.platform === 'linux') {
      record('rule', 'popUpContextMenu is not supported on Linux');
      return;
    }
    const shown = menu ? menuOf(menu) : this.contextMenu;
    if (!shown) return;
    this.openMenu = shown;
    record('menu.open', shown.labels());
  }

  getBounds(): Electron.Rectangle {
    // Linux reports no bounds.
    return setup.platform === 'linux' ? { x: 0, y: 0, width: 0, height: 0 } : { ...setup.trayBounds };
  }

  destroy(): void {
    record('tray.destroy');
  }

  /** A person clicks the icon, with each OS's own sequence of events. */
  async click(button: 'left' | 'right' | 'double'): Promise<void> {
    const bounds = this.getBounds();
    const position = { x: bounds.x + 1, y: bounds.y + 1 };
    if (setup.platform === 'linux') {
      // A StatusNotifierItem: the desktop decides what activates it, and Electron emits `click` on activation
      // (tray docs, "Platform Considerations"). KDE Plasma: a left click activates, a right click opens the menu.
      // GNOME's AppIndicator extension: a click opens the attached menu, a double click activates.
      const activates = setup.desktop === 'kde' ? button === 'left' : button === 'double';
      if (activates) {
        if (!this.emit('click', {}, bounds, position))
          record(
            'rule',
            `${setup.desktop} activated the tray icon and no click listener answered: nothing happened`,
          );
        else record('tray.click-delivered');
        return;
      }
      if (this.contextMenu) {
        this.openMenu = this.contextMenu;
        record('menu.open', this.contextMenu.labels());
      } else record('rule', 'a click on a Linux tray icon with no menu does nothing');
      return;
    }
    if (button === 'double') return;
    if (button === 'right') {
      this.emit('right-click', {}, bounds);
      if (this.contextMenu && !this.openMenu) {
        this.openMenu = this.contextMenu;
        record('menu.open', this.contextMenu.labels());
      }
      return;
    }
    if (setup.platform === 'win32' && focused) {
      // The taskbar takes focus before the click is delivered.
      focused.loseFocus();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    this.emit('click', {}, bounds, position);
    record('tray.click-delivered');
    if (setup.platform === 'darwin' && this.contextMenu) {
      this.openMenu = this.contextMenu;
      record('menu.open', this.contextMenu.labels());
    }
  }
}

// -------------------------------------------------------------------------------------------- notifications

const shown: WeakRef<NotificationDouble>[] = [];

class NotificationDouble extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }

  private readonly options: Electron.NotificationConstructorOptions;

  constructor(options: Electron.NotificationConstructorOptions = {}) {
    // Constructed before `ready` it is allowed (Notification's docs name no such limit); shown, it needs Windows'
    // AppUserModelID, below.
    super();
    this.options = options;
  }

  show(): void {
    // Windows: since Electron 42 an app that set no AppUserModelID gets one Electron makes up, and its toasts
    // show; but the installer's Start-menu shortcut carries the app's own id, and only that one brings a click in
    // the Action Center back to the app after it restarted.
    if (setup.platform === 'win32' && !app.appUserModelId)
      record(
        'rule',
        'a notification under a generated AppUserModelID: the installed shortcut cannot bring it back',
      );
    // macOS: an unsigned app's notification is refused by UNNotification and `failed` is emitted instead
    // (Notification docs, Electron 42+).
    if (setup.platform === 'darwin' && setup.notificationsFail) {
      record('notification.failed', this.options.title);
      setTimeout(() => this.emit('failed', {}, 'Notifications are not allowed for this application'), 0);
      return;
    }
    // Only a weak reference, as Electron keeps.
    shown.push(new WeakRef(this));
    record('notification.show', {
      index: shown.length - 1,
      title: this.options.title,
      body: this.options.body,
    });
  }
}

// ------------------------------------------------------------------------------------------ the other modules

export const ipcMain = {
  handle(channel: string, listener: (event: Electron.IpcMainInvokeEvent, ...args: never[]) => unknown): void {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, listener as InvokeHandler);
  },
};

const displays = () => setup.displays.map((d, id) => ({ id, ...d })) as unknown as Electron.Display[];

export const screen = {
  getAllDisplays(): Electron.Display[] {
    requireReady('screen');
    return displays();
  },
  getPrimaryDisplay(): Electron.Display {
    requireReady('screen');
    return displays()[setup.primaryDisplay] as Electron.Display;
  },
};

export const nativeTheme = { shouldUseDarkColors: setup.darkMode };

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content });
  },
  showMessageBox(options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue> {
    record('dialog.showMessageBox', options.message);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
  showSaveDialog(_options: Electron.SaveDialogOptions): Promise<Electron.SaveDialogReturnValue> {
    return Promise.resolve({ canceled: true, filePath: '' });
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    record('shell.openExternal', url);
    return Promise.resolve();
  },
};

const shortcuts = new Map<string, () => void>();
export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    requireReady('globalShortcut');
    if (setup.takenShortcuts.includes(accelerator) || shortcuts.has(accelerator)) {
      record('globalShortcut.refused', accelerator);
      return false;
    }
    shortcuts.set(accelerator, callback);
    record('globalShortcut.register', accelerator);
    return true;
  },
  unregisterAll(): void {
    shortcuts.clear();
    record('globalShortcut.unregisterAll');
  },
};

// ------------------------------------------------------------------------------------------------------- net

/** Chromium's names for the socket errors Node reports (net_error_list.h). */
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  EPIPE: 'net::ERR_CONNECTION_CLOSED',
};

type RequestOptions = {
  method?: string;
  url?: string;
  protocol?: string;
  hostname?: string;
  host?: string;
  port?: number | string;
  path?: string;
  headers?: Record<string, string | string[] | number>;
  redirect?: 'follow' | 'error' | 'manual';
  session?: unknown;
};

/** Electron's ClientRequest over Node's http: the events and methods electron-updater uses, with their rules. */
class ClientRequestDouble extends EventEmitter {
  private request: import('node:http').ClientRequest | null = null;
  private aborted = false;
  private followed = false;

  constructor(private readonly options: RequestOptions) {
    super();
  }

  private target(): URL {
    if (this.options.url) return new URL(this.options.url);
    const host = this.options.hostname ?? this.options.host ?? 'localhost';
    const port = this.options.port ? `:${this.options.port}` : '';
    return new URL(`${this.options.protocol ?? 'http:'}//${host}${port}${this.options.path ?? '/'}`);
  }

  end(data?: Buffer | string): this {
    const url = this.target();
    if (url.protocol !== 'http:') {
      setImmediate(() => this.emit('error', new Error('net::ERR_UNKNOWN_URL_SCHEME')));
      return this;
    }
    record('net.request', { method: this.options.method ?? 'GET', url: url.href });
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(this.options.headers ?? {}))
      headers[name] = Array.isArray(value) ? value : String(value);
    const request = httpRequest(url, { method: this.options.method ?? 'GET', headers }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location && this.options.redirect === 'manual') {
        response.resume();
        this.emit(
          'redirect',
          status,
          this.options.method ?? 'GET',
          new URL(location, url).href,
          response.headers,
        );
        // ClientRequest docs: in manual mode the redirect is cancelled unless followed during the event.
        if (!this.followed && !this.aborted) this.abort();
        return;
      }
      this.emit('response', response);
    });
    this.request = request;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      this.emit('error', new Error(NET_ERRORS[error.code ?? ''] ?? 'net::ERR_FAILED'));
    });
    request.end(data);
    return this;
  }

  followRedirect(): void {
    this.followed = true;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.request?.destroy();
    this.emit('abort');
    this.emit('close');
  }

  setHeader(name: string, value: string): void {
    this.options.headers = { ...this.options.headers, [name]: value };
  }
}

export const net = {
  isOnline: (): boolean => true,
  request: (options: RequestOptions | string): ClientRequestDouble =>
    new ClientRequestDouble(typeof options === 'string' ? { url: options } : options),
};

/** Sessions by partition: electron-updater downloads in its own ('electron-updater', no cache). */
export const session = {
  fromPartition: (partition: string, _options?: { cache?: boolean }) => ({ partition }),
};

/**
 * Electron's own (Squirrel) autoUpdater: electron-updater emits `before-quit-for-update` on it before it quits to
 * install; nothing else of it is used on Linux.
 */
export const autoUpdater = new EventEmitter();
export const powerMonitor = new EventEmitter();
export const nativeImage = {
  createEmpty: (): Electron.NativeImage => new ImageDouble() as unknown as Electron.NativeImage,
};
export const BrowserWindow = WindowDouble;
export const Tray = TrayDouble;
export const Notification = NotificationDouble;

// The double is held to Electron's own declarations for every member the shell uses.
type WindowMembers =
  | 'loadFile'
  | 'loadURL'
  | 'isDestroyed'
  | 'isVisible'
  | 'getSize'
  | 'setPosition'
  | 'setSize'
  | 'setResizable'
  | 'show'
  | 'focus'
  | 'hide'
  | 'destroy'
  | 'setVisibleOnAllWorkspaces';
WindowDouble satisfies new (
  options: Electron.BrowserWindowConstructorOptions,
) => Pick<Electron.BrowserWindow, WindowMembers>;
TrayDouble satisfies new (
  image: Electron.NativeImage | string,
) => Pick<
  Electron.Tray,
  'setImage' | 'setTitle' | 'setToolTip' | 'setContextMenu' | 'popUpContextMenu' | 'getBounds' | 'destroy'
>;
NotificationDouble satisfies { isSupported(): boolean } & (new (
  options: Electron.NotificationConstructorOptions,
) => Pick<Electron.Notification, 'show'>);
app.commandLine satisfies Pick<Electron.CommandLine, 'appendSwitch'>;
app satisfies Pick<
  Electron.App,
  | 'whenReady'
  | 'getPath'
  | 'setAppUserModelId'
  | 'getLoginItemSettings'
  | 'setLoginItemSettings'
  | 'requestSingleInstanceLock'
  | 'getPreferredSystemLanguages'
  | 'quit'
  | 'exit'
  | 'isPackaged'
  | 'getVersion'
  | 'getName'
  | 'getAppPath'
  | 'relaunch'
  | 'releaseSingleInstanceLock'
>;
WebContentsDouble.prototype satisfies Pick<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'id'>;
Menu satisfies Pick<typeof Electron.Menu, 'buildFromTemplate'>;
ipcMain satisfies Pick<Electron.IpcMain, 'handle'>;
screen satisfies Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
nativeTheme satisfies Pick<Electron.NativeTheme, 'shouldUseDarkColors'>;
dialog satisfies Pick<Electron.Dialog, 'showErrorBox'>;
dialog.showMessageBox satisfies (
  options: Electron.MessageBoxOptions,
) => Promise<Electron.MessageBoxReturnValue>;
shell satisfies Pick<Electron.Shell, 'openExternal'>;
net satisfies Pick<Electron.Net, 'isOnline'>;
ClientRequestDouble.prototype satisfies Pick<
  Electron.ClientRequest,
  'abort' | 'followRedirect' | 'setHeader'
> & {
  end(data?: Buffer | string): unknown;
};
globalShortcut satisfies Pick<Electron.GlobalShortcut, 'register' | 'unregisterAll'>;
nativeImage satisfies Pick<typeof Electron.nativeImage, 'createEmpty'>;

// ---------------------------------------------------------------------------------------- the harness's hand

function popover(): WindowDouble {
  const window = [...windows].at(-1);
  if (!window) throw new Error('No window is open');
  return window;
}

async function perform(command: ShellCommand): Promise<unknown> {
  switch (command.type) {
    case 'tray-click':
      if (!tray) throw new Error('No tray icon');
      return tray.click(command.button);
    case 'menu-click': {
      const menu = tray?.openMenu;
      if (!menu) throw new Error(`No menu is open to choose "${command.label}" from`);
      const item = menu.items.find((i) => i.label === command.label);
      if (!item) throw new Error(`The open menu has no "${command.label}": ${menu.labels().join(' | ')}`);
      if (!item.enabled) throw new Error(`"${command.label}" is disabled`);
      if (tray) tray.openMenu = null;
      if (item.type === 'checkbox') item.checked = !item.checked;
      record('menu.click', command.label);
      item.click?.(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
      return null;
    }
    case 'menu-dismiss':
      if (tray) tray.openMenu = null;
      return null;
    case 'blur':
      if (underWayland()) return record('window.blur-never-fires');
      focused?.loseFocus();
      return null;
    case 'invoke':
      return invoke(popover().webContents, command.channel, command.payload);
    case 'destroy-window':
      popover().destroy();
      return null;
    case 'notification-timeout': {
      // Windows emits `close` with reason 'timedOut' as the toast moves to the Action Center (Notification docs).
      const notification = shown[command.index]?.deref();
      notification?.emit('close', { reason: 'timedOut' });
      record('notification.timed-out', command.index);
      return Boolean(notification);
    }
    case 'notification-click': {
      const notification = shown[command.index]?.deref();
      if (!notification) {
        record('notification.click-lost', command.index);
        return false;
      }
      record('notification.click', command.index);
      notification.emit('click', {});
      return true;
    }
    case 'gc':
      (globalThis as { gc?: () => void }).gc?.();
      return null;
    case 'power':
      powerMonitor.emit(command.event);
      return null;
    case 'app-event':
      app.emit(command.event, {}, false);
      return null;
    case 'shortcut-press': {
      const callback = shortcuts.get(command.accelerator);
      record(callback ? 'globalShortcut.pressed' : 'globalShortcut.not-registered', command.accelerator);
      callback?.();
      return null;
    }
    case 'state':
      return {
        windows: [...windows].map((w) => w.snapshot()),
        tray: tray
          ? { title: tray.title, tooltip: tray.tooltip, menuOpen: tray.openMenu?.labels() ?? null }
          : null,
      };
  }
}

process.on('message', (message: ParentMessage) => {
  if (message.kind !== 'command') return;
  perform(message.command).then(
    (value) => process.send?.({ kind: 'reply', id: message.id, ok: true, value: value ?? null }),
    (error: unknown) =>
      process.send?.({ kind: 'reply', id: message.id, ok: false, error: (error as Error).message }),
  );
});
// The IPC channel must not keep a quitting app alive: Electron ends when the app quits, not when the harness says.
process.channel?.unref();

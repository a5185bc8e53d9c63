import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type Rectangle, screen } from 'electron';
import { popoverWindowOptions, RENDERER_CSP } from '../core/present/window-options';
import { popoverPosition } from '../core/present/window-position';

/** Destroyed after this long hidden, to give the memory back; re-created on the next open. */
const DESTROY_AFTER_HIDDEN_MS = 5 * 60_000;

export const RENDERER_FILE = join(__dirname, '../renderer/index.html');
export const APP_URL_PREFIX = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(RENDERER_FILE).href;

/** The popover window: created ahead, shown next to the tray, hidden on blur, locked down. */
export class Popover {
  private window: BrowserWindow | null = null;
  private destroyTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly devTools: boolean,
    private readonly onCreated: (window: BrowserWindow) => void,
  ) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  create(): BrowserWindow {
    const existing = this.current;
    if (existing) return existing;
    const window = new BrowserWindow(
      popoverWindowOptions(join(__dirname, '../preload/index.js'), process.platform, this.devTools),
    );
    const { webContents } = window;
    // Nothing but the app's own page: no navigation, no new windows, no permissions.
    webContents.on('will-navigate', (event) => event.preventDefault());
    webContents.on('will-redirect', (event) => event.preventDefault());
    webContents.on('will-attach-webview', (event) => event.preventDefault());
    webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    webContents.session.setPermissionCheckHandler(() => false);
    webContents.session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] },
      });
    });
    window.on('blur', () => this.hide());
    window.on('closed', () => {
      this.window = null;
    });
    if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
    else void window.loadFile(RENDERER_FILE);
    this.window = window;
    this.onCreated(window);
    return window;
  }

  show(trayBounds: Rectangle | null): void {
    if (this.destroyTimer) clearTimeout(this.destroyTimer);
    const window = this.create();
    const [width = 380, height = 560] = window.getSize();
    const displays = screen.getAllDisplays().map((d) => ({ bounds: d.bounds, workArea: d.workArea }));
    const { x, y } = popoverPosition(trayBounds, { width, height }, displays);
    window.setPosition(x, y, false);
    window.show();
    window.focus();
  }

  hide(): void {
    const window = this.current;
    if (!window?.isVisible()) return;
    window.hide();
    if (this.destroyTimer) clearTimeout(this.destroyTimer);
    this.destroyTimer = setTimeout(() => this.current?.destroy(), DESTROY_AFTER_HIDDEN_MS);
  }

  toggle(trayBounds: Rectangle | null): void {
    if (this.current?.isVisible()) this.hide();
    else this.show(trayBounds);
  }
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type Rectangle, screen } from 'electron';
import { type NavigateTarget, PUSH } from '../../shared/ipc';
import { toggleAction } from '../core/present/tray-behaviour';
import { POPOVER_SIZE, popoverWindowOptions, rendererCsp } from '../core/present/window-options';
import { popoverPlacement } from '../core/present/window-position';

/** Destroyed after this long hidden, to give the memory back; re-created on the next open. */
const DESTROY_AFTER_HIDDEN_MS = 5 * 60_000;

const RENDERER_FILE = join(__dirname, '../renderer/index.html');

/** The popover window: created ahead, shown next to the tray, hidden on blur or Escape, locked down. */
export class Popover {
  private window: BrowserWindow | null = null;
  private destroyTimer: NodeJS.Timeout | null = null;
  private lastBlurHideAt: number | null = null;
  /** Whether the current page has subscribed to pushes (it says so with `popover:ready`). */
  private pageReady = false;
  private pendingTarget: NavigateTarget | null = null;
  /** Where the popover was last opened from, and how tall the page last said its content is. */
  private trayBounds: Rectangle | null = null;
  private contentHeight: number | null = null;
  /** What the page is served from: the dev server under `npm run dev`, else the built file. */
  readonly appUrlPrefix: string;

  constructor(
    private readonly options: {
      /** `ELECTRON_RENDERER_URL`, already checked to be honoured (unpackaged, loopback) or null. */
      devUrl: string | null;
      devTools: boolean;
      onReady: (window: BrowserWindow) => void;
      /** The person opened it: what they see should be fresh. */
      onShow?: () => void;
      /** The theme the page will be drawn in, for the window's background before it paints. */
      theme: () => 'light' | 'dark';
    },
  ) {
    this.appUrlPrefix = options.devUrl ?? pathToFileURL(RENDERER_FILE).href;
  }

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  create(): BrowserWindow {
    const existing = this.current;
    if (existing) return existing;
    const window = new BrowserWindow(
      popoverWindowOptions(
        join(__dirname, '../preload/index.js'),
        this.options.devTools,
        this.options.theme(),
      ),
    );
    const { webContents } = window;
    // Nothing but the app's own page: no navigation, no new windows, no permissions.
    webContents.on('will-navigate', (event) => event.preventDefault());
    webContents.on('will-redirect', (event) => event.preventDefault());
    webContents.on('will-attach-webview', (event) => event.preventDefault());
    webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    webContents.session.setPermissionCheckHandler(() => false);
    const csp = rendererCsp(this.options.devUrl);
    webContents.session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
    // A reload (or a crash and reload) starts a page that has not subscribed yet.
    webContents.on('did-start-loading', () => {
      this.pageReady = false;
    });
    window.on('blur', () => {
      if (!window.isVisible()) return;
      this.lastBlurHideAt = Date.now();
      this.hide();
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    this.pageReady = false;
    if (this.options.devUrl) void window.loadURL(this.options.devUrl);
    else void window.loadFile(RENDERER_FILE);
    this.window = window;
    return window;
  }

  show(trayBounds: Rectangle | null): void {
    if (this.destroyTimer) clearTimeout(this.destroyTimer);
    this.destroyTimer = null;
    this.trayBounds = trayBounds;
    const window = this.create();
    this.place(window);
    // macOS: on the Space the person is on, over a full-screen app too, instead of switching them to the Space
    // the window was made on (BrowserWindow.setVisibleOnAllWorkspaces; skipTransformProcessType keeps the app
    // out of the Dock, which LSUIElement set).
    if (process.platform === 'darwin')
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    window.show();
    window.focus();
    this.options.onShow?.();
  }

  /** The page's content is this tall now: the window fits it and stays by the tray. */
  fit(contentHeight: number): void {
    this.contentHeight = contentHeight;
    const window = this.current;
    if (window) this.place(window);
  }

  private place(window: BrowserWindow): void {
    const [width = POPOVER_SIZE.width, height = POPOVER_SIZE.height] = window.getSize();
    // The primary display first: where the popover goes when the tray gives no bounds (Linux), not whichever
    // display the OS happens to list first (screen.getPrimaryDisplay).
    const primary = screen.getPrimaryDisplay();
    const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => ({
      bounds: d.bounds,
      workArea: d.workArea,
    }));
    const to = popoverPlacement(this.trayBounds, this.contentHeight, { width, height }, displays);
    if (to.height !== height) {
      // setSize does not make a window smaller while people cannot resize it (electron#42258, #34512).
      window.setResizable(true);
      window.setSize(to.width, to.height, false);
      window.setResizable(false);
    }
    window.setPosition(to.x, to.y, false);
  }

  hide(): void {
    const window = this.current;
    if (!window?.isVisible()) return;
    window.hide();
    if (this.destroyTimer) clearTimeout(this.destroyTimer);
    this.destroyTimer = setTimeout(() => this.current?.destroy(), DESTROY_AFTER_HIDDEN_MS);
  }

  toggle(trayBounds: Rectangle | null): void {
    const action = toggleAction(this.current?.isVisible() ?? false, this.lastBlurHideAt, Date.now());
    if (action === 'hide') this.hide();
    else if (action === 'show') this.show(trayBounds);
  }

  /** Shows the popover at a view: at once if the page listens, else as soon as it says it does. */
  open(trayBounds: Rectangle | null, target: NavigateTarget): void {
    this.pendingTarget = target;
    this.show(trayBounds);
    this.deliver();
  }

  /** The page has subscribed: push what it needs now, then any view a click asked for before it existed. */
  ready(): void {
    const window = this.current;
    if (!window) return;
    this.pageReady = true;
    this.options.onReady(window);
    this.deliver();
  }

  private deliver(): void {
    const window = this.current;
    if (!window || !this.pageReady || !this.pendingTarget) return;
    window.webContents.send('navigate', PUSH.navigate.parse(this.pendingTarget));
    this.pendingTarget = null;
  }
}

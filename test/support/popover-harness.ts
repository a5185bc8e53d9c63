import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DesktopApp } from '../../main/core/app/desktop-app';
import { guardInvoke, type InvokeImpl } from '../../main/core/ipc/ipc-guard';
import { systemClock } from '../../main/core/monitor/clock';
import { POPOVER_SIZE } from '../../main/core/present/window-options';
import { fittedHeight } from '../../main/core/present/window-position';
import { createHttpClient } from '../../main/core/providers/http';
import { openStores } from '../../main/core/store/open-stores';
import { resolvePaths } from '../../main/core/store/paths';
import { createKeytarStore } from '../../main/core/store/secrets';
import type { UpdaterEvent, UpdaterPort } from '../../main/core/updates/updater-port';
import { INVOKE, type InvokeChannel, methodName, type WindowChannel } from '../../shared/ipc';
import { TEST_KEYCHAIN_SERVICE } from './keychain';

const RENDERER = path.resolve(__dirname, '..', '..', 'out', 'renderer');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Chromium as root in a container needs these (see the env notes); the rest keep it off the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Serves the built renderer the way the app ships it (its own CSP meta and all). */
export async function serveRenderer(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.join(RENDERER, name === '/' ? 'index.html' : name);
    if (!file.startsWith(RENDERER)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res
        .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** The preload's shape, installed before the page runs: each method forwards to a binding the test answers. */
export function bridgeScript(methods: [string, string][]): string {
  return `(() => {
    const listeners = { 'state:changed': new Set(), navigate: new Set() };
    window.__creditbarPush = (channel, value) => { for (const l of listeners[channel] ?? []) l(value); };
    const api = {};
    for (const [method, channel] of ${JSON.stringify(methods)}) {
      api[method] = (request) => window.__creditbarInvoke(channel, request);
    }
    api.onStateChanged = (l) => { listeners['state:changed'].add(l); return () => listeners['state:changed'].delete(l); };
    api.onNavigate = (l) => { listeners.navigate.add(l); return () => listeners.navigate.delete(l); };
    Object.defineProperty(window, 'creditbar', { value: Object.freeze(api) });
  })();`;
}

export interface Popover {
  page: Page;
  controller: DesktopApp;
  /** Every message main pushed to the page, as JSON text (for key-leak scans). */
  pushedText: string[];
  /** The window calls the page made: `popover:ready` once per load, `popover:hide` on Escape. */
  windowCalls: WindowChannel[];
  /** Each content height the page reported; the page's viewport is resized as the shell resizes the window. */
  fitHeights: number[];
  close(): Promise<void>;
}

/** An updater whose every check finds this version the newest, as electron-updater reports it. */
function upToDateUpdater(): UpdaterPort {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  return {
    subscribe: (l) => {
      listener = l;
    },
    check: async () => {
      listener({ type: 'checking' });
      listener({ type: 'not-available' });
    },
    downloadIntact: async () => false,
    installNow: () => undefined,
    installOnQuit: () => undefined,
  };
}

/** Opens the built popover in Chromium with the real core behind its bridge. */
export async function openPopover(browser: Browser, appUrl: string, dataDir: string): Promise<Popover> {
  const controller = await DesktopApp.open({
    stores: await openStores(resolvePaths({ dataDir }, {}, 'linux', '/nowhere')),
    keychain: createKeytarStore(TEST_KEYCHAIN_SERVICE),
    env: {},
    http: createHttpClient({ deadlineMs: 2000 }),
    clock: systemClock,
    random: Math.random,
    openExternal: async () => undefined,
    // Exports land in the test's own data dir, where the test reads them back.
    chooseSaveFile: async (name) => {
      await mkdir(path.join(dataDir, 'exports'), { recursive: true });
      return path.join(dataDir, 'exports', name);
    },
    loginItem: { apply: async (enabled) => enabled },
    // Any free port: the metrics setting must not take 9464 from whatever else runs here.
    metricsListen: '127.0.0.1:0',
    // An installed AppImage whose release has nothing newer: Settings shows the update section as most people
    // see it. The real electron-updater is run in test/shell/updates.test.ts.
    installSource: { kind: 'self-updating', format: 'appimage' },
    updater: upToDateUpdater(),
  });
  const context = await browser.newContext({ viewport: { ...POPOVER_SIZE } });
  const page = await context.newPage();
  const pushedText: string[] = [];
  const windowCalls: WindowChannel[] = [];
  const fitHeights: number[] = [];
  const windowHandler = (channel: WindowChannel) => async () => {
    windowCalls.push(channel);
    return null;
  };
  const handlers: { [C in InvokeChannel]: InvokeImpl<C> } = {
    ...controller.handlers,
    'popover:ready': windowHandler('popover:ready'),
    'popover:hide': windowHandler('popover:hide'),
    'popover:fit': async ({ height }) => {
      fitHeights.push(height);
      await page.setViewportSize({ width: POPOVER_SIZE.width, height: fittedHeight(height, null) });
      return null;
    },
  };
  const methods = (Object.keys(INVOKE) as InvokeChannel[]).map((c) => [methodName(c), c] as [string, string]);
  await page.exposeBinding('__creditbarInvoke', async (source, channel: InvokeChannel, payload: unknown) => {
    const sender = {
      fromAppWindow: source.page === page,
      isTopFrame: source.frame === page.mainFrame(),
      url: source.frame.url(),
    };
    const result = await guardInvoke(channel, handlers[channel] as never, appUrl)(sender, payload);
    pushedText.push(JSON.stringify(result));
    return result;
  });
  await page.addInitScript(bridgeScript(methods));
  controller.onState((state) => {
    const text = JSON.stringify(state);
    pushedText.push(text);
    // A string body runs in the page, where __creditbarPush lives; the state goes in as JSON.
    void page.evaluate(`window.__creditbarPush('state:changed', ${text})`).catch(() => undefined);
  });
  await controller.start(false);
  await page.goto(appUrl);
  return {
    page,
    controller,
    pushedText,
    windowCalls,
    fitHeights,
    close: async () => {
      await controller.stop();
      await context.close();
    },
  };
}

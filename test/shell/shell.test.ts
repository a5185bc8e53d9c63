/**
 * The desktop shell, run for real: the BUILT main process (out/main/index.js) in Node, once per platform, with a
 * stand-in for the `electron` module (test/shell/electron-double). The stand-in is there because Electron's
 * binary cannot be fetched on our machines; it is typed against electron.d.ts and enforces the Electron rules its
 * header lists. Everything behind it is real: the core, the config and cache on disk, the providers (loopback
 * fakes speaking their documented protocol), the timers.
 *
 * Not covered here: pixels, real OS menus and notification centres, macOS and Windows keychains, code signing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../main/core/present/app-identity';
import { DEV_RENDERER_CSP, RENDERER_CSP } from '../../main/core/present/window-options';
import { type Message, message } from '../../shared/message';
import { type FakeProvider, startHappenstance } from '../fakes/providers';
import { runBuiltCli } from '../support/run-built-cli';
import { spoken } from '../support/said';
import { SETUP_ENV, type ShellRecord } from './electron-double/protocol';
import { REGISTER, type ShellOptions, ShellRun, TSX_CJS } from './shell-harness';

let hs: FakeProvider;
const homes: string[] = [];
const runs: ShellRun[] = [];

beforeAll(async () => {
  hs = await startHappenstance();
});
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
  await hs.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function home(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-shell-'));
  homes.push(dir);
  return dir;
}

const KEYS = () => ({ CREDITBAR_KEY_RESEARCH: hs.key, CREDITBAR_KEY_SETTINGS: hs.key });

function start(
  options: Partial<ShellOptions> & { home: string; platform: ShellOptions['platform'] },
): ShellRun {
  const run = ShellRun.start({ ...options, env: { ...KEYS(), ...options.env } });
  runs.push(run);
  return run;
}

function writeConfig(dir: string, accounts: object[]): string {
  const userData = path.join(dir, 'userData');
  rmSync(userData, { recursive: true, force: true });
  const file = path.join(userData, 'config.json');
  mkdirSync(userData, { recursive: true });
  writeFileSync(file, JSON.stringify({ version: 1, accounts }));
  return userData;
}

const research = (over: object = {}) => ({
  id: 'research',
  provider: 'happenstance',
  label: 'Research',
  baseUrl: hs.server.url,
  ...over,
});

const sends = (run: ShellRun, channel: string) =>
  run
    .calls('webContents.send')
    .map((r) => r.detail as { channel: string; payload: unknown })
    .filter((d) => d.channel === channel)
    .map((d) => d.payload);

const detailOf = (r: ShellRecord) => r.detail as Record<string, unknown>;

describe.each(['darwin', 'win32', 'linux'] as const)('on %s', (platform) => {
  it('shows the cached balance before asking any provider', async () => {
    const own = await startHappenstance();
    const dir = home();
    const userData = writeConfig(dir, [research({ baseUrl: own.server.url })]);
    // A real poll through the CLI leaves the cache the app finds at start.
    const status = await runBuiltCli(['status', '--data-dir', userData], { CREDITBAR_KEY_RESEARCH: own.key });
    expect(status.code).toBe(0);
    // From now on the provider never answers: only the cache can show a number.
    own.server.fail({ type: 'hang' }, { type: 'hang' }, { type: 'hang' });
    const asked = own.server.requests.length;
    const run = start({ platform, home: dir, env: { CREDITBAR_KEY_RESEARCH: own.key } });
    const tooltip = await run.waitForCall('tray.setToolTip', 0, (d) => String(d).includes('1,840'));
    expect(String(tooltip.detail)).toMatch(/^Creditbar: the account is ok\nResearch: 1,840 credits \(stale/);
    if (platform === 'darwin') {
      const title = await run.waitForCall('tray.setTitle', 0, (d) => d === '1.8k*');
      expect(title.at).toBeLessThanOrEqual(tooltip.at);
    }
    const firstRequest = await waitForRequest(own, asked);
    expect(tooltip.at).toBeLessThanOrEqual(firstRequest);
    expect(run.rules()).toEqual([]);
    await run.stop();
    await own.close();
  });
});

/** When the app first asked the provider: the request after the `seen` ones made before it started. */
async function waitForRequest(fake: FakeProvider, seen: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const request = fake.server.requests[seen];
    if (request) return request.at;
    if (Date.now() > deadline) throw new Error('The app never asked the provider');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('tray clicks', () => {
  it('macOS: a left click toggles the popover and pops no menu; the menu comes on right click', async () => {
    const run = start({ platform: 'darwin', home: home(), argv: ['--hidden'] });
    await run.waitForCall('tray.setTitle');
    const before = run.count;
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.show', before);
    expect(run.calls('menu.open')).toEqual([]);
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.hide', before);
    await run.do({ type: 'tray-click', button: 'right' });
    const menu = await run.waitForCall('menu.open', before);
    expect(menu.detail).toContain('Quit Creditbar');
    expect(menu.detail).not.toContain('Hide Creditbar');
    expect(run.calls('tray.setContextMenu')).toEqual([]);
    expect(run.rules()).toEqual([]);
  });

  it('macOS: the popover is a normal window, so blur hides it and it gets keys; activate opens it', async () => {
    const run = start({ platform: 'darwin', home: home(), argv: ['--hidden'] });
    const created = await run.waitForCall('window.create');
    expect(detailOf(created).type).toBeNull();
    const before = run.count;
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.show', before);
    await run.do({ type: 'blur' });
    await run.waitForCall('window.hide', before);
    // Relaunched from Finder while running.
    const again = run.count;
    await run.do({ type: 'app-event', event: 'activate' });
    await run.waitForCall('window.show', again);
    expect(run.rules()).toEqual([]);
  });

  it('Windows: a click on the icon while the popover is open closes it, with no flicker', async () => {
    const run = start({ platform: 'win32', home: home(), argv: ['--hidden'] });
    await run.waitForCall('tray.setImage');
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.show');
    const before = run.count;
    // The taskbar takes focus first (blur), then the click arrives: it must not show the popover again.
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.hide', before);
    await run.waitForCall('tray.click-delivered', before);
    expect(run.calls('window.show')).toHaveLength(1);
    await run.do({ type: 'tray-click', button: 'right' });
    expect(run.calls('menu.open')).toHaveLength(1);
  });

  it('a dark system: the popover window is dark before its page paints, no white flash', async () => {
    const run = start({ platform: 'win32', home: home(), argv: ['--hidden'], darkMode: true });
    await run.waitForCall('tray.setImage');
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.show');
    expect(run.rules()).toEqual([]);
  });

  it('macOS: over a full-screen app the popover opens on that Space, not by switching Spaces', async () => {
    const run = start({ platform: 'darwin', home: home(), argv: ['--hidden'], fullScreenSpace: true });
    await run.waitForCall('tray.setImage');
    await run.do({ type: 'tray-click', button: 'left' });
    await run.waitForCall('window.show');
    expect(run.calls('window.setVisibleOnAllWorkspaces').at(-1)?.detail).toMatchObject({
      visible: true,
      visibleOnFullScreen: true,
    });
    expect(run.rules()).toEqual([]);
  });

  it.each([
    ['KDE Plasma', 'kde', 'left'],
    ['GNOME (AppIndicator)', 'gnome', 'double'],
  ] as const)(
    'Linux on %s: activating the icon opens the popover, and the menu is still there',
    async (_name, desktop, activate) => {
      const run = start({ platform: 'linux', home: home(), argv: ['--hidden'], desktop });
      await run.waitForCall('tray.setContextMenu');
      await run.do({ type: 'tray-click', button: activate });
      await run.waitForCall('window.show');
      await run.do({ type: 'tray-click', button: activate === 'left' ? 'right' : 'left' });
      const menu = await run.waitForCall('menu.open');
      expect((menu.detail as string[])[0]).toBe('Open Creditbar');
      expect(run.rules()).toEqual([]);
    },
  );

  it('Linux with two screens, the primary listed second: the popover opens on the primary one', async () => {
    const left = { x: 0, y: 0, width: 1280, height: 1024 };
    const primary = { x: 1280, y: 0, width: 1920, height: 1080 };
    const run = start({
      platform: 'linux',
      home: home(),
      argv: ['--hidden'],
      screen: {
        displays: [
          { bounds: left, workArea: { ...left, y: 32, height: 992 } },
          { bounds: primary, workArea: { ...primary, y: 32, height: 1048 } },
        ],
        trayBounds: { x: 0, y: 0, width: 0, height: 0 },
        primaryDisplay: 1,
      },
    });
    await run.waitForCall('tray.setContextMenu');
    await run.do({ type: 'tray-click', button: 'left' });
    await run.do({ type: 'menu-click', label: 'Open Creditbar' });
    const placed = (await run.waitForCall('window.setPosition')).detail as { x: number; y: number };
    expect(placed.x).toBeGreaterThanOrEqual(primary.x);
    expect(placed.x).toBeLessThan(primary.x + primary.width);
  });

  it('Windows: a tooltip for many accounts is kept to whole lines under 127 characters, not cut mid-word', async () => {
    const dir = home();
    writeConfig(
      dir,
      ['research', 'leads', 'support', 'billing', 'archive'].map((id) =>
        research({ id, label: `${id} account with a long name` }),
      ),
    );
    const run = start({
      platform: 'win32',
      home: dir,
      argv: ['--hidden'],
      env: {
        CREDITBAR_KEY_LEADS: hs.key,
        CREDITBAR_KEY_SUPPORT: hs.key,
        CREDITBAR_KEY_BILLING: hs.key,
        CREDITBAR_KEY_ARCHIVE: hs.key,
      },
    });
    const tooltip = await run.waitForCall('tray.setToolTip', 0, (d) => String(d).includes('account with'));
    expect(String(tooltip.detail).length).toBeLessThanOrEqual(127);
    expect(String(tooltip.detail).split('\n')[0]).toMatch(/^Creditbar: /);
    expect(run.rules()).toEqual([]);
  });

  it('Linux: every action is in the menu, Open and Hide included, and the menu is not rebuilt under the person', async () => {
    const dir = home();
    writeConfig(dir, [research({ pollSeconds: 2, adaptive: false })]);
    hs.balance = 1840;
    const run = start({ platform: 'linux', home: dir, argv: ['--hidden'] });
    // The menu as the first poll left it (its tooltip is set a moment before it, in the same update).
    await run.waitForCall('tray.setContextMenu', 0, (d) => JSON.stringify(d).includes('1,840'));
    const menusBefore = run.calls('tray.setContextMenu').length;
    await run.do({ type: 'tray-click', button: 'left' });
    const menu = await run.waitForCall('menu.open');
    expect((menu.detail as string[]).slice(0, 2)).toEqual(['Open Creditbar', 'Hide Creditbar']);
    // Polls go on while the menu is open; an unchanged menu is left alone.
    const polls = run.calls('tray.setToolTip').length;
    await run.waitFor('two more polls', () => run.calls('tray.setToolTip').length >= polls + 2);
    expect(run.rules()).toEqual([]);
    expect(run.calls('tray.setContextMenu')).toHaveLength(menusBefore);
    await run.do({ type: 'menu-click', label: 'Open Creditbar' });
    await run.waitForCall('window.show');
    await run.do({ type: 'tray-click', button: 'left' });
    await run.do({ type: 'menu-click', label: 'Hide Creditbar' });
    await run.waitForCall('window.hide');
  });
});

describe('the tray number as chosen in settings', () => {
  it('macOS: a pinned account with the number inside the icon, then back to a title, without a restart', async () => {
    const dir = home();
    writeConfig(dir, [research({ pollSeconds: 3600 }), { id: 'settings', provider: 'demo', label: 'Demo' }]);
    hs.balance = 1840;
    const run = start({ platform: 'darwin', home: dir, argv: ['--hidden'] });
    await run.waitForCall('tray.setToolTip', 0, (d) => String(d).includes('1,840'));
    const before = run.count;
    const saved = await run.do({
      type: 'invoke',
      channel: 'settings:set',
      payload: { patch: { badge: { source: 'pinned', accountId: 'research', macos: 'icon' } } },
    });
    expect(saved).toMatchObject({ ok: true });
    const tooltip = await run.waitForCall('tray.setToolTip', before, (d) =>
      String(d).includes('Menu bar: Research'),
    );
    expect(String(tooltip.detail).split('\n')[1]).toBe('Menu bar: Research');
    expect(run.calls('tray.setTitle').at(-1)?.detail).toBe('');
    // The drawn badge keeps its colours: not a template the system would tint.
    // Every scale a screen may ask for (Windows' 125 % to 300 %, Retina's 2x and 4x): none resampled.
    expect(run.calls('tray.setImage').at(-1)?.detail).toEqual({
      sizes: [1, 1.25, 1.5, 2, 2.5, 3, 4],
      template: false,
    });
    await run.do({ type: 'tray-click', button: 'right' });
    const menu = (await run.waitForCall('menu.open')).detail as string[];
    expect(menu.slice(2, 3)).toEqual(['Research: 1,840 credits']);
    const back = run.count;
    await run.do({ type: 'invoke', channel: 'settings:set', payload: { patch: { badge: null } } });
    await run.waitForCall('tray.setTitle', back, (d) => d === '1.8k');
    expect(run.rules()).toEqual([]);
  });
});

describe('languages', () => {
  it('the tray speaks the OS language, and the one chosen in Settings at once', async () => {
    const dir = home();
    writeConfig(dir, [research({ pollSeconds: 3600 })]);
    hs.balance = 1840;
    const run = start({ platform: 'linux', home: dir, argv: ['--hidden'], languages: ['fr-FR', 'de-DE'] });
    const german = await run.waitForCall('tray.setContextMenu', 0, (d) =>
      JSON.stringify(d).includes('1.840'),
    );
    expect((german.detail as string[]).slice(0, 4)).toEqual([
      'Creditbar öffnen',
      'Creditbar ausblenden',
      '---',
      'Research: 1.840 Credits',
    ]);
    expect(run.calls('tray.setToolTip').at(-1)?.detail).toBe(
      'Creditbar: das Konto ist in Ordnung\nResearch: 1.840 Credits',
    );
    const before = run.count;
    await run.do({ type: 'invoke', channel: 'settings:set', payload: { patch: { language: 'zh' } } });
    const chinese = await run.waitForCall('tray.setContextMenu', before);
    expect((chinese.detail as string[])[0]).toBe('打开 Creditbar');
    expect(String(run.calls('tray.setToolTip').at(-1)?.detail)).toBe(
      'Creditbar：账户正常\nResearch: 1,840 积分',
    );
    const pushed = sends(run, 'state:changed').at(-1) as { language: string; systemLanguage: string };
    expect([pushed.language, pushed.systemLanguage]).toEqual(['zh', 'de']);
    expect(run.rules()).toEqual([]);
  });
});

describe('the global shortcut', () => {
  it('the recorded shortcut opens and closes the popover from anywhere, and is let go at quit', async () => {
    const dir = home();
    const userData = writeConfig(dir, []);
    writeFileSync(
      path.join(userData, 'config.json'),
      JSON.stringify({ version: 1, accounts: [], settings: { shortcut: 'Control+Shift+K' } }),
    );
    const run = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    await run.waitForCall('globalShortcut.register', 0, (d) => d === 'Control+Shift+K');
    await run.do({ type: 'shortcut-press', accelerator: 'Control+Shift+K' });
    await run.waitForCall('window.show');
    const shown = run.count;
    await run.do({ type: 'shortcut-press', accelerator: 'Control+Shift+K' });
    await run.waitForCall('window.hide', shown);
    await run.do({ type: 'tray-click', button: 'right' });
    await run.waitForCall('menu.open');
    await run.do({ type: 'menu-click', label: 'Quit Creditbar' });
    expect(await run.exited).toBe(0);
    expect(run.calls('globalShortcut.unregisterAll').length).toBeGreaterThanOrEqual(2);
    expect(run.rules()).toEqual([]);
  });

  it('a shortcut another app holds: the popover is told why, and a new one works', async () => {
    const run = start({ platform: 'darwin', home: home(), takenShortcuts: ['Command+Shift+Space'] });
    await run.waitForPageReady();
    const before = run.count;
    await run.do({
      type: 'invoke',
      channel: 'settings:set',
      payload: { patch: { shortcut: 'Command+Shift+Space' } },
    });
    await run.waitForCall('globalShortcut.refused', before);
    // The page says the problem in its language, as the popover does.
    const problems = sends(run, 'state:changed').map((s) =>
      spoken((s as { shortcutProblem?: Message }).shortcutProblem),
    );
    expect(problems.at(-1)).toBe(
      '⇧⌘Space could not be set: another app or the system may hold it. Record another shortcut.',
    );
    await run.do({
      type: 'invoke',
      channel: 'settings:set',
      payload: { patch: { shortcut: 'Command+Alt+C' } },
    });
    await run.waitForCall('globalShortcut.register', before, (d) => d === 'Command+Alt+C');
    expect(sends(run, 'state:changed').at(-1)).not.toHaveProperty('shortcutProblem');
  });
});

describe('the popover fits its content', () => {
  it('shrinks to a short page and grows back up to the maximum, staying by a bottom taskbar', async () => {
    const run = start({ platform: 'win32', home: home() });
    await run.waitForPageReady();
    const placed = async (height: number) => {
      const before = run.count;
      await run.do({ type: 'invoke', channel: 'popover:fit', payload: { height } });
      const state = (await run.do({ type: 'state' })) as {
        windows: { size: [number, number]; position: [number, number] }[];
      };
      return { window: state.windows[0], resized: run.calls('window.setSize').length, before };
    };
    const short = await placed(230);
    expect(short.window?.size).toEqual([380, 230]);
    // Windows' taskbar is at the bottom: the popover's bottom edge stays just above it.
    expect(short.window?.position[1]).toBe(1040 - 4 - 230);
    const tall = await placed(5000);
    expect(tall.window?.size).toEqual([380, 640]);
    expect(tall.window?.position[1]).toBe(1040 - 4 - 640);
    // The same height again changes nothing.
    const again = await placed(5000);
    expect(again.resized).toBe(tall.resized);
    expect(run.rules()).toEqual([]);
  });
});

describe('dismissing the popover', () => {
  it('on a Wayland session the app runs under XWayland: the popover is placed by the tray and hides on blur', async () => {
    const run = start({
      platform: 'linux',
      home: home(),
      wayland: true,
      env: { XDG_SESSION_TYPE: 'wayland' },
    });
    await run.waitForCall('window.show');
    expect(run.calls('app.commandLine.appendSwitch').map((r) => r.detail)).toEqual([
      { name: 'ozone-platform', value: 'x11' },
    ]);
    expect(run.calls('window.setPosition')).toHaveLength(1);
    await run.do({ type: 'blur' });
    await run.waitForCall('window.hide');
    expect(run.rules()).toEqual([]);
  });

  it('Escape hides it, even on native Wayland (opted into) where blur never fires and setPosition does nothing', async () => {
    const run = start({
      platform: 'linux',
      home: home(),
      wayland: true,
      env: { XDG_SESSION_TYPE: 'wayland', CREDITBAR_WAYLAND: '1' },
    });
    await run.waitForCall('window.show');
    await run.waitForPageReady();
    expect(run.calls('window.setPosition-ignored')).toHaveLength(1);
    await run.do({ type: 'blur' });
    expect(run.calls('window.hide')).toEqual([]);
    // What the page does on Escape at its top view (the renderer's side is tested in Chromium).
    await run.do({ type: 'invoke', channel: 'popover:hide', payload: {} });
    await run.waitForCall('window.hide');
  });

  it('an auto-hidden taskbar: the popover goes by the icon, not to a fixed bottom corner', async () => {
    const full = { x: 0, y: 0, width: 1920, height: 1080 };
    const run = start({
      platform: 'darwin',
      home: home(),
      screen: {
        displays: [{ bounds: full, workArea: full }],
        trayBounds: { x: 1700, y: 0, width: 22, height: 22 },
      },
    });
    const placed = await run.waitForCall('window.setPosition');
    expect(placed.detail).toEqual({ x: 1521, y: 4 });
  });
});

describe('notifications and navigation', () => {
  it('Windows: a toast clicked in the Action Center after it timed out still opens its account', async () => {
    const dir = home();
    writeConfig(dir, [research({ alerts: { warnBelow: 5000 } })]);
    hs.balance = 1840;
    const run = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    await run.waitForCall('notification.show');
    await run.do({ type: 'notification-timeout', index: 0 });
    await run.do({ type: 'gc' });
    await run.do({ type: 'gc' });
    const before = run.count;
    expect(await run.do({ type: 'notification-click', index: 0 })).toBe(true);
    await run.waitFor('the account view', () => sends(run, 'navigate').length > 0, before);
    expect(sends(run, 'navigate').at(-1)).toEqual({ view: 'account', accountId: 'research' });
  });

  it('macOS refuses an unsigned app’s notification: the popover says how to allow them, the alert still shows', async () => {
    const dir = home();
    writeConfig(dir, [research({ alerts: { warnBelow: 5000 } })]);
    hs.balance = 1840;
    const run = start({ platform: 'darwin', home: dir, argv: ['--hidden'], notificationsFail: true });
    await run.waitForCall('notification.failed');
    await run.waitFor('the popover told', () =>
      sends(run, 'state:changed').some((s) => (s as { notificationsBlocked?: boolean }).notificationsBlocked),
    );
    // The tray still says it: the title is the balance, below its level.
    expect(run.calls('tray.setTitle').at(-1)?.detail).toBe('1.8k');
  });

  it('a notification click after the popover was destroyed opens that account, once the page listens', async () => {
    const dir = home();
    writeConfig(dir, [research({ alerts: { warnBelow: 5000 } })]);
    hs.balance = 1840;
    const run = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    const shown = await run.waitForCall('notification.show');
    // Windows drops notifications whose AppUserModelID is not the installer's.
    const aumid = run.calls('app.setAppUserModelId');
    expect(aumid.map((r) => r.detail)).toEqual([APP_ID]);
    expect(aumid[0]?.at).toBeLessThanOrEqual(shown.at);
    const appId = readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8').match(
      /^appId: (.+)$/m,
    );
    expect(appId?.[1]).toBe(APP_ID);
    // Under `npm start` another id: the installed app keeps its Start-menu shortcut and its notifications.
    const unpackaged = start({ platform: 'win32', home: home(), argv: ['--hidden'], isPackaged: false });
    expect((await unpackaged.waitForCall('app.setAppUserModelId')).detail).toBe(`${APP_ID}.dev`);
    // Hidden five minutes: the window is destroyed. Then garbage is collected, as it will be.
    await run.do({ type: 'destroy-window' });
    await run.do({ type: 'gc' });
    await run.do({ type: 'gc' });
    const before = run.count;
    expect(await run.do({ type: 'notification-click', index: 0 })).toBe(true);
    await run.waitForPageReady(before);
    await run.waitFor('the account view', () => sends(run, 'navigate').length > 0, before);
    expect(sends(run, 'navigate').at(-1)).toEqual({ view: 'account', accountId: 'research' });
    const lost = run
      .calls('webContents.send-lost')
      .filter((r) => (r.detail as { channel: string }).channel === 'navigate');
    expect(lost).toEqual([]);
    expect(run.rules()).toEqual([]);
  });

  it('"Settings…" opens settings, and an account whose id is settings opens its own detail', async () => {
    const dir = home();
    writeConfig(dir, [research({ id: 'settings', label: 'Team settings' })]);
    const run = start({ platform: 'linux', home: dir, argv: ['--hidden'] });
    await run.waitForCall('tray.setContextMenu', 0, (d) => JSON.stringify(d).includes('Team settings'));
    await run.do({ type: 'tray-click', button: 'left' });
    const menu = (await run.waitForCall('menu.open')).detail as string[];
    const accountLine = menu.find((l) => l.startsWith('Team settings')) ?? '';
    await run.do({ type: 'menu-click', label: accountLine });
    await run.waitFor('navigation', () => sends(run, 'navigate').length === 1);
    await run.do({ type: 'tray-click', button: 'left' });
    await run.do({ type: 'menu-click', label: 'Settings…' });
    await run.waitFor('navigation', () => sends(run, 'navigate').length === 2);
    expect(sends(run, 'navigate')).toEqual([
      { view: 'account', accountId: 'settings' },
      { view: 'settings' },
    ]);
  });
});

describe('launch at login', () => {
  it('Windows: turned on, read back after a restart, then off, with the same path and args', async () => {
    const dir = home();
    const first = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    await first.waitForCall('tray.setImage');
    await first.do({ type: 'tray-click', button: 'right' });
    const menu = (await first.waitForCall('menu.open')).detail as string[];
    expect(menu).toContain('[ ] Launch at login');
    await first.do({ type: 'menu-click', label: 'Launch at login' });
    const set = await first.waitForCall('app.setLoginItemSettings');
    expect(set.detail).toMatchObject({ openAtLogin: true, args: ['--hidden'] });
    await first.do({ type: 'tray-click', button: 'right' });
    await first.do({ type: 'menu-click', label: 'Quit Creditbar' });
    expect(await first.exited).toBe(0);

    const second = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    await second.waitForCall('tray.setImage');
    await second.do({ type: 'tray-click', button: 'right' });
    expect((await second.waitForCall('menu.open')).detail).toContain('[x] Launch at login');
    await second.do({ type: 'menu-click', label: 'Launch at login' });
    await second.waitForCall(
      'app.setLoginItemSettings',
      0,
      (d) => (d as { openAtLogin: boolean }).openAtLogin === false,
    );
    await second.do({ type: 'tray-click', button: 'right' });
    await second.do({ type: 'menu-click', label: 'Quit Creditbar' });
    expect(await second.exited).toBe(0);

    const third = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    await third.waitForCall('tray.setImage');
    await third.do({ type: 'tray-click', button: 'right' });
    expect((await third.waitForCall('menu.open')).detail).toContain('[ ] Launch at login');
  });

  it.each(['darwin', 'win32'] as const)(
    '%s holds the item back: the menu shows it off, and a dialog says where to allow it',
    async (platform) => {
      const run = start({ platform, home: home(), argv: ['--hidden'], loginItemsHeldBack: true });
      await run.waitForCall('tray.setImage');
      await run.do({ type: 'tray-click', button: 'right' });
      await run.waitForCall('menu.open');
      await run.do({ type: 'menu-click', label: 'Launch at login' });
      const said = await run.waitForCall('dialog.showMessageBox');
      expect(String(said.detail)).toMatch(/^The system did not turn on launch at login/);
      const before = run.count;
      await run.do({ type: 'tray-click', button: 'right' });
      const reopened = (await run.waitForCall('menu.open', before)).detail as string[];
      expect(reopened).toContain('[ ] Launch at login');
    },
  );

  it('unpackaged (npm start): launch at login is off and cannot point at bare Electron', async () => {
    const run = start({ platform: 'win32', home: home(), isPackaged: false, argv: ['--hidden'] });
    await run.waitForCall('tray.setImage');
    await run.do({ type: 'tray-click', button: 'right' });
    const menu = (await run.waitForCall('menu.open')).detail as string[];
    expect(menu).toContain('(disabled) [ ] Launch at login (installed app only)');
    await expect(
      run.do({ type: 'menu-click', label: 'Launch at login (installed app only)' }),
    ).rejects.toThrow(/disabled/);
    const settings = await run.do({
      type: 'invoke',
      channel: 'settings:set',
      payload: { patch: {}, launchAtLogin: true },
    });
    expect(settings).toMatchObject({
      ok: false,
      error: { message: message('login.unavailable') },
    });
    expect(run.calls('app.setLoginItemSettings')).toEqual([]);
  });

  it('Linux: an XDG autostart entry that starts the app hidden', async () => {
    const dir = home();
    const run = start({ platform: 'linux', home: dir, argv: ['--hidden'] });
    await run.waitForCall('tray.setContextMenu');
    await run.do({ type: 'tray-click', button: 'left' });
    await run.do({ type: 'menu-click', label: 'Launch at login' });
    await run.waitForCall('tray.setContextMenu', 1, (d) => (d as string[]).includes('[x] Launch at login'));
    const entry = readFileSync(path.join(dir, 'xdg-config', 'autostart', 'creditbar.desktop'), 'utf8');
    expect(entry).toContain(`Exec=${process.execPath} --hidden`);
    expect(run.rules()).toEqual([]);
  });
});

describe('dev mode', () => {
  it('npm run dev: the dev server page, with the dev CSP', async () => {
    const run = start({
      platform: 'linux',
      home: home(),
      isPackaged: false,
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
    });
    expect((await run.waitForCall('window.loadURL')).detail).toBe('http://localhost:5173/');
    await run.waitForPageReady();
    const state = (await run.do({ type: 'state' })) as { windows: { csp: string }[] };
    expect(state.windows[0]?.csp).toBe(DEV_RENDERER_CSP);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL and keeps the strict CSP', async () => {
    const run = start({
      platform: 'linux',
      home: home(),
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
    });
    expect((await run.waitForCall('window.loadFile')).detail).toBe('index.html');
    await run.waitForPageReady();
    const state = (await run.do({ type: 'state' })) as { windows: { csp: string }[] };
    expect(state.windows[0]?.csp).toBe(RENDERER_CSP);
    expect(run.calls('window.loadURL')).toEqual([]);
  });
});

describe('the stand-in holds the app to Electron’s rules', () => {
  it.each([
    ['Tray', "new e.Tray('icon.png')", 'throws'],
    ['BrowserWindow', 'new e.BrowserWindow({})', 'throws'],
    ['screen', 'e.screen.getAllDisplays()', 'throws'],
    // Electron allows these before ready: a stand-in that refused them would push the app to wait needlessly.
    ['Menu', 'e.Menu.buildFromTemplate([])', 'allowed'],
    ['Notification', "new e.Notification({ title: 'x' })", 'allowed'],
  ])('%s before ready: %s', (name, use, expected) => {
    const dir = home();
    const setup = {
      platform: 'linux',
      userData: dir,
      isPackaged: true,
      lockDir: dir,
      wayland: false,
      displays: [],
      trayBounds: { x: 0, y: 0, width: 0, height: 0 },
      recordFile: path.join(dir, 'records.ndjson'),
    };
    const script = `const e = require('electron'); try { ${use}; console.log('allowed') } catch (err) { console.log(err.message) }`;
    const out = execFileSync(process.execPath, ['--require', TSX_CJS, '--require', REGISTER, '-e', script], {
      env: { PATH: process.env.PATH ?? '', [SETUP_ENV]: JSON.stringify(setup) },
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(
      expected === 'throws' ? `${name} cannot be used before the app is ready` : 'allowed',
    );
  });
});

describe('process life', () => {
  it('a second instance quits and the first one opens its popover', async () => {
    const dir = home();
    const first = start({ platform: 'win32', home: dir, argv: ['--hidden'] });
    await first.waitForCall('tray.setImage');
    expect(first.calls('window.show')).toEqual([]);
    const second = start({ platform: 'win32', home: dir });
    expect(await second.exited).toBe(0);
    expect(second.calls('tray.create')).toEqual([]);
    await first.waitForCall('window.show');
  });

  it('suspend pauses polling, resume picks it up again', async () => {
    const dir = home();
    writeConfig(dir, [research()]);
    const run = start({ platform: 'darwin', home: dir, argv: ['--hidden'] });
    await run.waitForCall(
      'tray.setToolTip',
      0,
      (d) => String(d).includes('1,840') && !String(d).includes('stale'),
    );
    await run.do({ type: 'power', event: 'suspend' });
    await run.waitForCall('tray.setToolTip', 0, (d) => String(d).startsWith('Creditbar (paused)'));
    const sinceSuspend = run.count;
    await run.do({ type: 'power', event: 'resume' });
    await run.waitForCall('tray.setToolTip', sinceSuspend, (d) => !String(d).includes('paused'));
  });

  it('quit waits for the core to stop, then ends with exit 0', async () => {
    const dir = home();
    writeConfig(dir, [research()]);
    const run = start({ platform: 'linux', home: dir, argv: ['--hidden'] });
    await run.waitForCall('tray.setContextMenu', 0, (d) => JSON.stringify(d).includes('Research'));
    hs.server.fail({ type: 'hang' });
    await run.do({ type: 'tray-click', button: 'left' });
    await run.do({ type: 'menu-click', label: 'Refresh now' });
    await run.do({ type: 'tray-click', button: 'left' });
    await run.do({ type: 'menu-click', label: 'Quit Creditbar' });
    expect(await run.exited).toBe(0);
    const order = run
      .records()
      .map((r) => r.call)
      .filter((c) => c.startsWith('app.quit') || c === 'app.exit');
    expect(order).toEqual(['app.quit', 'app.quit-deferred', 'app.quit', 'app.exit']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  autostartEnabled,
  loginItemPlan,
  loginItemWillLaunch,
} from '../../../main/core/present/autostart';
import { ozonePlatform } from '../../../main/core/present/linux-display';
import { menuModel, menuSignature } from '../../../main/core/present/menu-model';
import { notificationFor } from '../../../main/core/present/notification-model';
import { toggleAction, trayBehaviour } from '../../../main/core/present/tray-behaviour';
import {
  devRendererUrl,
  POPOVER_SIZE,
  popoverWindowOptions,
  RENDERER_CSP,
  rendererCsp,
} from '../../../main/core/present/window-options';
import {
  type DisplayArea,
  fittedHeight,
  POPOVER_HEIGHT,
  popoverPlacement,
  popoverPosition,
  taskbarEdge,
} from '../../../main/core/present/window-position';
import { english } from '../../support/english';
import { asIs } from '../../support/said';

const screen = (x: number, y: number, work: Partial<DisplayArea['workArea']> = {}): DisplayArea => ({
  bounds: { x, y, width: 1920, height: 1080 },
  workArea: { x, y, width: 1920, height: 1080, ...work },
});
const size = { width: 380, height: 560 };

describe('popover position', () => {
  it.each([
    [
      'macOS menu bar at the top',
      screen(0, 0, { y: 25, height: 1055 }),
      { x: 1700, y: 2, width: 22, height: 22 },
      { x: 1521, y: 29 },
    ],
    [
      'Windows taskbar at the bottom',
      screen(0, 0, { height: 1040 }),
      { x: 1800, y: 1045, width: 24, height: 30 },
      { x: 1540, y: 476 },
    ],
    [
      'taskbar on the left',
      screen(0, 0, { x: 60, width: 1860 }),
      { x: 10, y: 900, width: 40, height: 40 },
      { x: 64, y: 520 },
    ],
    [
      'taskbar on the right',
      screen(0, 0, { width: 1860 }),
      { x: 1870, y: 100, width: 40, height: 40 },
      { x: 1476, y: 0 },
    ],
    [
      'icon at the far left of a top bar: kept inside',
      screen(0, 0, { y: 25, height: 1055 }),
      { x: 5, y: 2, width: 22, height: 22 },
      { x: 0, y: 29 },
    ],
  ])('%s', (_name, display, tray, expected) => {
    expect(popoverPosition(tray, size, [display])).toEqual(expected);
  });

  it('uses the display the tray is on, with its own work area', () => {
    const left = screen(0, 0, { height: 1040 });
    const right = screen(1920, 0, { y: 25, height: 1055 });
    expect(popoverPosition({ x: 3700, y: 2, width: 22, height: 22 }, size, [left, right])).toEqual({
      x: 3460,
      y: 29,
    });
    expect(taskbarEdge(right)).toBe('top');
  });

  it.each([
    [
      'auto-hidden macOS menu bar: below the icon',
      { x: 1700, y: 2, width: 22, height: 22 },
      { x: 1521, y: 4 },
    ],
    [
      'auto-hidden Windows taskbar: above the icon',
      { x: 1800, y: 1050, width: 24, height: 30 },
      { x: 1540, y: 516 },
    ],
    ['auto-hidden taskbar on the left: beside it', { x: 2, y: 900, width: 40, height: 40 }, { x: 4, y: 520 }],
  ])('work area equal to the screen, %s', (_name, tray, expected) => {
    expect(popoverPosition(tray, size, [screen(0, 0)])).toEqual(expected);
  });

  it('with no tray bounds (some Linux desktops), the corner by the taskbar', () => {
    expect(popoverPosition(null, size, [screen(0, 0, { y: 32, height: 1048 })])).toEqual({ x: 1536, y: 36 });
    expect(
      popoverPosition({ x: 0, y: 0, width: 0, height: 0 }, size, [screen(0, 0, { height: 1040 })]),
    ).toEqual({ x: 1536, y: 476 });
  });
});

describe('popover height', () => {
  const work = (height: number) => ({ x: 0, y: 0, width: 1920, height });
  it.each([
    ['one account: just its content, no empty area', 212.4, work(1040), 213],
    ['an empty page: the minimum', 40, work(1040), POPOVER_HEIGHT.min],
    ['twenty accounts: the maximum, then the page scrolls', 1900, work(1040), POPOVER_HEIGHT.max],
    ['a short screen: inside its work area', 900, work(600), 592],
    ['a tiny screen: never under the minimum', 900, work(100), POPOVER_HEIGHT.min],
    ['no display known: the maximum at most', 900, null, POPOVER_HEIGHT.max],
  ])('%s', (_name, content, workArea, expected) => {
    expect(fittedHeight(content, workArea)).toBe(expected);
  });

  it('the window keeps its size until the page says how tall it is, and grows upward above a bottom taskbar', () => {
    const taskbar = screen(0, 0, { height: 1040 });
    const tray = { x: 1800, y: 1045, width: 24, height: 30 };
    expect(popoverPlacement(tray, null, size, [taskbar])).toEqual({ x: 1540, y: 476, ...size });
    const short = popoverPlacement(tray, 240, size, [taskbar]);
    expect(short).toEqual({ x: 1540, y: 1040 - 4 - 240, width: 380, height: 240 });
    // Below a top menu bar it stays put and grows down.
    const top = screen(0, 0, { y: 25, height: 1055 });
    const menuBarTray = { x: 1700, y: 2, width: 22, height: 22 };
    expect(popoverPlacement(menuBarTray, 240, size, [top]).y).toBe(29);
    expect(popoverPlacement(menuBarTray, 600, size, [top]).y).toBe(29);
  });
});

describe('menu model', () => {
  const accounts = [
    {
      id: 'r',
      label: 'Research',
      level: 'warning' as const,
      stale: true,
      remaining: 450,
      unit: 'credits',
      quotas: [],
    },
    {
      id: 'b',
      label: 'Billing',
      level: 'ok' as const,
      stale: false,
      remaining: null,
      unit: null,
      quotas: [{ metric: 'm', name: 'M', used: 1, included: 2, unit: 'x', percentUsed: 50 }],
    },
  ];
  it('lists accounts, refresh, pause, settings, launch at login and quit, with Open first', () => {
    const labels = menuModel(english, {
      accounts,
      paused: false,
      launchAtLogin: true,
      launchAtLoginAvailable: true,
      platform: 'linux',
    }).map((i) =>
      i.kind === 'separator'
        ? '---'
        : i.kind === 'checkbox'
          ? `[${i.checked ? 'x' : ' '}] ${i.label}`
          : i.label,
    );
    expect(labels).toEqual([
      'Open Creditbar',
      'Hide Creditbar',
      '---',
      'Research: 450 credits — low (stale)',
      'Billing: 50% of M',
      '---',
      'Refresh now',
      'Pause polling for 1 hour',
      'Pause polling until resumed',
      '---',
      'Settings…',
      '[x] Launch at login',
      '---',
      'Quit Creditbar',
    ]);
  });
  it('offers resume while paused, and an account line opens that account', () => {
    const items = menuModel(english, {
      accounts,
      paused: true,
      launchAtLogin: false,
      launchAtLoginAvailable: true,
      platform: 'darwin',
    });
    expect(items.some((i) => i.kind === 'item' && i.label === 'Resume polling')).toBe(true);
    // macOS and Windows open and close by a click on the icon; Hide is Linux's.
    expect(items.some((i) => i.kind === 'item' && i.label === 'Hide Creditbar')).toBe(false);
    expect(items.find((i) => i.kind === 'item' && i.label.startsWith('Research'))).toMatchObject({
      action: { type: 'open', accountId: 'r' },
    });
  });

  it('updates: "Check for updates" where the copy updates itself, what it is doing, then "Restart to update"', () => {
    const withUpdates = (updates: Parameters<typeof menuModel>[1]['updates']) =>
      menuModel(english, {
        accounts,
        paused: false,
        launchAtLogin: false,
        launchAtLoginAvailable: true,
        platform: 'darwin',
        ...(updates ? { updates } : {}),
      }).filter((i) => i.kind === 'item' && /update/.test(i.action.type));
    const mac = { kind: 'self-updating' as const, format: 'mac' as const };
    expect(withUpdates({ version: '1.4.0', source: mac, status: { kind: 'idle' } })).toEqual([
      { kind: 'item', label: 'Check for updates', action: { type: 'check-updates' } },
    ]);
    expect(withUpdates({ version: '1.4.0', source: mac, status: { kind: 'checking' } })).toEqual([
      { kind: 'item', label: 'Checking for updates…', action: { type: 'check-updates' }, enabled: false },
    ]);
    // The download's percent is not in the menu: rebuilding it would close the one a person has open.
    expect(
      withUpdates({
        version: '1.4.0',
        source: mac,
        status: { kind: 'downloading', version: '1.5.0', percent: 40 },
      }),
    ).toEqual([
      {
        kind: 'item',
        label: 'Downloading version 1.5.0…',
        action: { type: 'check-updates' },
        enabled: false,
      },
    ]);
    expect(
      withUpdates({ version: '1.4.0', source: mac, status: { kind: 'ready', version: '1.5.0' } }),
    ).toEqual([{ kind: 'item', label: 'Restart to update to 1.5.0', action: { type: 'install-update' } }]);
    // A package manager's install, or a development build: nothing to check from here.
    expect(
      withUpdates({
        version: '1.4.0',
        source: { kind: 'package-manager', manager: 'winget' },
        status: { kind: 'idle' },
      }),
    ).toEqual([]);
    expect(withUpdates(undefined)).toEqual([]);
  });

  const accountLines = (badge: Parameters<typeof menuModel>[1]['badge']) =>
    menuModel(english, {
      accounts,
      paused: false,
      launchAtLogin: false,
      launchAtLoginAvailable: true,
      platform: 'win32',
      ...(badge ? { badge } : {}),
    })
      .filter((i) => i.kind === 'item' && i.action.type === 'open' && i.label !== 'Open Creditbar')
      .map((i) => (i.kind === 'item' ? i.label : ''));
  it.each([
    [
      'the worst account: as configured, each its headline',
      { source: 'worst' as const },
      ['Research: 450 credits — low (stale)', 'Billing: 50% of M'],
    ],
    [
      'pinned: that account first',
      { source: 'pinned' as const, accountId: 'b' },
      ['Billing: 50% of M', 'Research: 450 credits — low (stale)'],
    ],
    [
      'remaining: a quota says what is left',
      { figure: 'remaining' as const },
      ['Research: 450 credits — low (stale)', 'Billing: 1 x left of M'],
    ],
    [
      'percent: a quota says percent used',
      { figure: 'percent' as const },
      ['Research: 450 credits — low (stale)', 'Billing: 50% of M used'],
    ],
    [
      'sum: a total line leads',
      { source: 'sum' as const },
      ['Total: 450 credits (1 account)', 'Research: 450 credits — low (stale)', 'Billing: 50% of M'],
    ],
  ])('the menu follows the badge choice: %s', (_name, badge, expected) => {
    expect(accountLines(badge)).toEqual(expected);
  });
});

describe('menu rebuilds and login item', () => {
  const research = {
    id: 'r',
    label: 'Research',
    level: 'ok' as const,
    stale: false,
    remaining: 450,
    unit: 'credits',
    quotas: [],
  };
  const base = {
    accounts: [research],
    paused: false,
    launchAtLogin: false,
    launchAtLoginAvailable: true,
    platform: 'win32' as const,
  };
  it('the signature changes only when what the person sees changes', () => {
    const first = menuSignature(menuModel(english, base));
    expect(menuSignature(menuModel(english, { ...base, accounts: [...base.accounts] }))).toBe(first);
    expect(
      menuSignature(menuModel(english, { ...base, accounts: [{ ...research, remaining: 449 }] })),
    ).not.toBe(first);
    expect(menuSignature(menuModel(english, { ...base, paused: true }))).not.toBe(first);
  });

  it('launch at login is shown but disabled where it is not offered', () => {
    const item = menuModel(english, { ...base, launchAtLoginAvailable: false }).find(
      (i) => i.kind === 'checkbox',
    );
    expect(item).toMatchObject({ enabled: false, label: 'Launch at login (installed app only)' });
  });

  it.each([
    ['darwin', { attachMenu: false, leftClickToggles: true, rightClickPopsMenu: true }],
    ['win32', { attachMenu: false, leftClickToggles: true, rightClickPopsMenu: true }],
    ['linux', { attachMenu: true, leftClickToggles: true, rightClickPopsMenu: false }],
  ] as const)('tray clicks on %s', (platform, expected) => {
    expect(trayBehaviour(platform)).toEqual(expected);
  });

  it.each([
    ['visible: hide', true, null, 1000, 'hide'],
    ['hidden, never blurred: show', false, null, 1000, 'show'],
    ['the click that blurred it (Windows): ignore', false, 900, 1000, 'ignore'],
    ['a later click: show', false, 500, 1000, 'show'],
    ['clock went back: show', false, 2000, 1000, 'show'],
  ] as const)('toggle %s', (_name, visible, lastBlur, now, expected) => {
    expect(toggleAction(visible, lastBlur, now)).toBe(expected);
  });

  it.each([
    ['unpackaged (npm start): never bare Electron', { isPackaged: false, platform: 'win32' }, 'unavailable'],
    ['Windows: the app with --hidden', { platform: 'win32' }, 'login-item'],
    ['macOS', { platform: 'darwin' }, 'login-item'],
    ['Linux: XDG autostart', { platform: 'linux' }, 'xdg-autostart'],
  ] as const)('login item plan, %s', (_name, over, kind) => {
    const plan = loginItemPlan({
      isPackaged: true,
      execPath: '/opt/Creditbar/creditbar',
      appImage: undefined,
      configHome: '/home/p/.config',
      ...over,
    });
    expect(plan.kind).toBe(kind);
    if (plan.kind === 'login-item')
      expect(plan).toMatchObject({ path: '/opt/Creditbar/creditbar', args: ['--hidden'] });
    if (plan.kind === 'xdg-autostart') {
      expect(plan.file).toBe('/home/p/.config/autostart/creditbar.desktop');
      expect(plan.contents).toContain('Exec=/opt/Creditbar/creditbar --hidden');
    }
  });

  it('an AppImage starts itself at login, not its temporary mount', () => {
    const plan = loginItemPlan({
      platform: 'linux',
      isPackaged: true,
      execPath: '/tmp/.mount_Credit/creditbar',
      appImage: '/home/p/Apps/Creditbar.AppImage',
      configHome: '/home/p/.config',
    });
    expect(plan.kind === 'xdg-autostart' && plan.contents).toContain(
      'Exec=/home/p/Apps/Creditbar.AppImage --hidden',
    );
  });
});

describe('notifications', () => {
  const intent = {
    accountId: 'r',
    kind: 'low' as const,
    severity: 'critical' as const,
    title: asIs('Research is very low'),
    body: asIs('85 credits left'),
  };
  it('critical plays a sound, others are silent; a click opens the account', () => {
    expect(notificationFor(english, intent, new Set(['r']))).toEqual({
      ...{ title: 'Research is very low', body: '85 credits left' },
      silent: false,
      urgency: 'critical',
      accountId: 'r',
    });
    expect(notificationFor(english, { ...intent, severity: 'info' }, new Set(['r']))).toMatchObject({
      silent: true,
      urgency: 'low',
    });
    expect(notificationFor(english, { ...intent, severity: 'warning' }, new Set(['r']))).toMatchObject({
      silent: true,
      urgency: 'normal',
    });
  });
  it('never for an account the person removed', () => {
    expect(notificationFor(english, intent, new Set(['other']))).toBeNull();
    expect(
      notificationFor(english, { ...intent, accountId: null, kind: 'summary' }, new Set()),
    ).not.toBeNull();
  });
});

describe('popover window options', () => {
  it('are the hardened ones from Electron’s security checklist', () => {
    const options = popoverWindowOptions('/app/preload.js', false);
    expect(options.webPreferences).toEqual({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(options).toMatchObject({ ...POPOVER_SIZE, show: false, frame: false, skipTaskbar: true });
    // A macOS panel gets no blur and no key events: it could never be dismissed.
    expect(popoverWindowOptions('/app/preload.js', false, 'light', 'darwin')).not.toHaveProperty('type');
    expect(popoverWindowOptions('/app/preload.js', false, 'light', 'win32')).not.toHaveProperty('type');
    // Linux has no skipTaskbar: a utility window stays out of the taskbar and Alt-Tab.
    expect(popoverWindowOptions('/app/preload.js', false, 'light', 'linux')).toMatchObject({
      type: 'utility',
    });
  });

  it.each([
    [
      'registered and enabled',
      { openAtLogin: true, status: 'enabled', executableWillLaunchAtLogin: true },
      true,
    ],
    ['macOS waiting for approval', { openAtLogin: true, status: 'requires-approval' }, false],
    ['Windows, off in Startup apps', { openAtLogin: true, executableWillLaunchAtLogin: false }, false],
    ['not registered', { openAtLogin: false }, false],
  ] as const)('a login item %s will launch: %s', (_name, settings, expected) => {
    expect(loginItemWillLaunch(settings)).toBe(expected);
  });

  it('an autostart entry starts the app unless it is missing or a desktop switched it off', () => {
    const entry = autostartDesktopEntry('/opt/Creditbar/creditbar');
    expect(autostartEnabled(entry)).toBe(true);
    expect(autostartEnabled(null)).toBe(false);
    expect(
      autostartEnabled(entry.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false')),
    ).toBe(false);
    expect(autostartEnabled(`${entry}Hidden=true\n`)).toBe(false);
  });

  it.each([
    ['a Wayland session', 'linux', { XDG_SESSION_TYPE: 'wayland' }, 'x11'],
    ['WAYLAND_DISPLAY only', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, 'x11'],
    ['Wayland, the person opted out', 'linux', { XDG_SESSION_TYPE: 'wayland', CREDITBAR_WAYLAND: '1' }, null],
    ['an X11 session', 'linux', { XDG_SESSION_TYPE: 'x11' }, null],
    ['macOS', 'darwin', { XDG_SESSION_TYPE: 'wayland' }, null],
  ] as const)('display backend on %s: %s', (_name, platform, env, expected) => {
    expect(ozonePlatform(platform, env)).toBe(expected);
  });

  it('the dev server is honoured only unpackaged and only on loopback; only then is the CSP relaxed', () => {
    expect(devRendererUrl(true, 'http://localhost:5173/')).toBeNull();
    expect(devRendererUrl(false, undefined)).toBeNull();
    expect(devRendererUrl(false, 'https://evil.example/')).toBeNull();
    expect(devRendererUrl(false, 'file:///tmp/x.html')).toBeNull();
    expect(devRendererUrl(false, 'not a url')).toBeNull();
    expect(devRendererUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173/');
    expect(rendererCsp(null)).toBe(RENDERER_CSP);
    expect(rendererCsp('http://localhost:5173/')).toContain("script-src 'self' 'unsafe-inline'");
    expect(rendererCsp('http://localhost:5173/')).toContain("connect-src 'self' ws://localhost:*");
  });
});

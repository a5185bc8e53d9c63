import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopApp, type DesktopAppOptions } from '../../../main/core/app/desktop-app';
import { guardInvoke } from '../../../main/core/ipc/ipc-guard';
import { createHttpClient } from '../../../main/core/providers/http';
import { encodePng } from '../../../main/core/raster/png';
import { openStores } from '../../../main/core/store/open-stores';
import { resolvePaths } from '../../../main/core/store/paths';
import { createKeytarStore } from '../../../main/core/store/secrets';
import type { AppState } from '../../../shared/app-state';
import { type CoreChannel, INVOKE } from '../../../shared/ipc';
import { type FakeProvider, startHappenstance } from '../../fakes/providers';
import { say } from '../../support/english';
import { FakeClock } from '../../support/fake-clock';
import { TEST_KEYCHAIN_SERVICE } from '../../support/keychain';
import { spoken } from '../../support/said';

const APP = 'file:///app/index.html';
const sender = { fromAppWindow: true, isTopFrame: true, url: APP };
let fakes: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

async function makeApp(dataDir: string, extra: Partial<DesktopAppOptions> = {}) {
  const clock = new FakeClock(Date.parse('2026-11-22T12:00:00Z'));
  const opened: string[] = [];
  const loginItem: boolean[] = [];
  const controller = await DesktopApp.open({
    stores: await openStores(resolvePaths({ dataDir }, {}, 'linux', '/nowhere'), () =>
      clock.wall().getTime(),
    ),
    keychain: createKeytarStore(TEST_KEYCHAIN_SERVICE),
    env: {},
    http: createHttpClient({ deadlineMs: 2000 }),
    clock,
    random: () => 0,
    openExternal: async (url) => {
      opened.push(url);
    },
    chooseSaveFile: async (name) => path.join(dataDir, 'exports', name),
    loginItem: {
      apply: async (enabled) => {
        loginItem.push(enabled);
        return enabled;
      },
    },
    ...extra,
  });
  const pushed: AppState[] = [];
  controller.onState((state) => pushed.push(state));
  // Every call goes through the same guard the shell registers, as the renderer's would; an error is said as
  // the page says it.
  const invoke = async (channel: CoreChannel, payload: unknown) => {
    const result = await guardInvoke(channel, controller.handlers[channel] as never, APP)(sender, payload);
    // Said as the popover says it: in the language the app speaks at that moment.
    const { say } = controller.translator;
    return result.ok ? result : { ...result, error: { ...result.error, message: say(result.error.message) } };
  };
  const settle = () => controller.settled();
  // Settled first: a config change reaches the monitor's timers once the core has applied it.
  const advance = async (ms: number) => {
    await settle();
    await clock.advance(ms, settle);
  };
  return { controller, invoke, pushed, advance, opened, loginItem };
}

describe('the desktop app over IPC', () => {
  /** A running app with one Happenstance account added through IPC and polled once. */
  async function withResearch() {
    const hs = await startHappenstance('hs_live_controller_4321');
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    const app = await makeApp(dataDir);
    await app.controller.start(false);
    const account = { id: 'research', provider: 'happenstance', label: 'Research', baseUrl: hs.server.url };
    expect(await app.invoke('accounts:add', { account, key: hs.key })).toEqual({ ok: true, value: null });
    await app.advance(10_000);
    return { app, hs, dataDir, account };
  }

  it('tests a key before anything is saved: the right one reads the balance, a wrong one says it was rejected', async () => {
    const hs = await startHappenstance('hs_live_controller_4321');
    fakes.push(hs);
    const app = await makeApp(await mkdtemp(path.join(tmpdir(), 'creditbar-app-')));
    await app.controller.start(false);
    const account = { id: 'research', provider: 'happenstance', label: 'Research', baseUrl: hs.server.url };
    expect(await app.invoke('accounts:test', { account, key: hs.key })).toEqual({
      ok: true,
      value: {
        remaining: 1840,
        unit: 'credits',
        quotas: 0,
        usedThisPeriod: 160,
        readings: [],
        shape: null,
        problem: null,
      },
    });
    expect(await app.invoke('accounts:test', { account, key: 'wrong-key-xyz' })).toMatchObject({
      ok: false,
      error: { kind: 'auth', message: expect.stringMatching(/rejected \(401\)/) },
    });
    expect(app.controller.state().accounts).toEqual([]);
    await app.controller.stop();
  });

  it('a snooze reaches the popover at once, not with the next poll; unsnoozing too', async () => {
    const { app } = await withResearch();
    const until = '2026-11-22T13:00:00.000Z';
    const before = app.pushed.length;
    expect(await app.invoke('alerts:snooze', { accountId: 'research', until })).toEqual({
      ok: true,
      value: null,
    });
    expect(app.pushed.length).toBeGreaterThan(before);
    expect(app.pushed.at(-1)?.accounts[0]?.snoozedUntil).toBe(until);
    expect(await app.invoke('alerts:snooze', { accountId: 'research', until: null })).toEqual({
      ok: true,
      value: null,
    });
    expect(app.pushed.at(-1)?.accounts[0]?.snoozedUntil).toBeNull();
    await app.controller.stop();
  });

  it('launch at login shows what the OS did: an item it holds back is off, with where to allow it', async () => {
    const app = await makeApp(await mkdtemp(path.join(tmpdir(), 'creditbar-app-')), {
      // macOS waiting for the person's approval, or Windows' Startup apps switched off: registered, not launching.
      loginItem: { apply: async () => false },
    });
    await app.controller.start(false);
    const answer = await app.invoke('settings:set', { patch: {}, launchAtLogin: true });
    expect(answer).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The system did not turn on launch at login/) },
    });
    expect(app.controller.state().launchAtLogin).toBe(false);
    await app.controller.stop();
  });

  it('the global shortcut: none at start, then the recorded one; a refusal is said, a clear frees it', async () => {
    const taken = new Set(['Control+Alt+Delete']);
    const applied: (string | null)[] = [];
    const app = await makeApp(await mkdtemp(path.join(tmpdir(), 'creditbar-app-')), {
      platform: 'win32',
      globalShortcut: (accelerator) => {
        applied.push(accelerator);
        return accelerator === null || !taken.has(accelerator);
      },
    });
    await app.controller.start(false);
    expect(applied).toEqual([]);
    expect(await app.invoke('settings:set', { patch: { shortcut: 'Control+Shift+K' } })).toEqual({
      ok: true,
      value: null,
    });
    expect(applied).toEqual(['Control+Shift+K']);
    expect(app.pushed.at(-1)?.shortcutProblem).toBeUndefined();
    // Saving something else leaves a working shortcut alone.
    await app.invoke('settings:set', { patch: { theme: 'dark' } });
    expect(applied).toEqual(['Control+Shift+K']);
    await app.invoke('settings:set', { patch: { shortcut: 'Control+Alt+Delete' } });
    expect(spoken(app.pushed.at(-1)?.shortcutProblem)).toBe(
      'Ctrl+Alt+Delete is taken by another app. Record another shortcut.',
    );
    // A refused one is tried again on the next change: whoever held it may have let go.
    taken.clear();
    await app.invoke('settings:set', { patch: { theme: 'light' } });
    expect(app.pushed.at(-1)?.shortcutProblem).toBeUndefined();
    await app.invoke('settings:set', { patch: { shortcut: null } });
    expect(applied).toEqual(['Control+Shift+K', 'Control+Alt+Delete', 'Control+Alt+Delete', null]);
    expect(await app.invoke('settings:set', { patch: { shortcut: 'K' } })).toMatchObject({ ok: false });
    expect(applied).toHaveLength(4);
    await app.controller.stop();
  });

  it('under Wayland a shortcut the OS took is said to maybe not work, with what to do instead', async () => {
    const app = await makeApp(await mkdtemp(path.join(tmpdir(), 'creditbar-app-')), {
      platform: 'linux',
      shortcutUnchecked: true,
      globalShortcut: () => true,
    });
    await app.controller.start(false);
    await app.invoke('settings:set', { patch: { shortcut: 'Control+Shift+K' } });
    expect(spoken(app.pushed.at(-1)?.shortcutProblem)).toMatch(
      /^Ctrl\+Shift\+K is set, but may not work: under Wayland the desktop decides/,
    );
    await app.invoke('settings:set', { patch: { shortcut: null } });
    expect(app.pushed.at(-1)?.shortcutProblem).toBeUndefined();
    await app.controller.stop();
  });

  it('an added account keeps its key in the keychain, polls, and shows only the key’s last four', async () => {
    const { app, hs } = await withResearch();
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'research')).toBe(hs.key);
    const state = app.controller.state();
    expect(INVOKE['state:get'].response.parse(state)).toEqual(state);
    expect(state.accounts[0]).toMatchObject({
      id: 'research',
      providerName: 'Happenstance',
      remaining: 1840,
      stale: false,
      hasKey: true,
      keyHint: '…4321',
    });
    for (const pushedState of app.pushed) expect(JSON.stringify(pushedState)).not.toContain(hs.key);
    await app.controller.stop();
  });

  it('charts the account’s history for a range', async () => {
    const { app } = await withResearch();
    const series = await app.invoke('history:get', {
      accountId: 'research',
      from: 0,
      to: Date.now() * 2,
      maxPoints: 100,
    });
    expect(series).toMatchObject({ ok: true, value: [{ remaining: 1840 }] });
    await app.controller.stop();
  });

  it('opens links only to the hosts of the person’s providers', async () => {
    const { app } = await withResearch();
    expect(await app.invoke('external:open', { url: 'https://127.0.0.1/billing' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await app.invoke('external:open', { url: 'https://evil.example/phish' })).toMatchObject({
      ok: false,
    });
    expect(app.opened).toEqual(['https://127.0.0.1/billing']);
    await app.controller.stop();
  });

  it('sets an account’s levels', async () => {
    const { app } = await withResearch();
    expect(
      await app.invoke('alerts:set-thresholds', { accountId: 'research', alerts: { warnBelow: 5000 } }),
    ).toMatchObject({ ok: true });
    expect(app.controller.state().accounts[0]?.alerts).toEqual({ warnBelow: 5000 });
    await app.controller.stop();
  });

  it('pointing an account at another host drops the old host’s cached value and history', async () => {
    const { app, dataDir } = await withResearch();
    expect(existsSync(path.join(dataDir, 'cache', 'research.json'))).toBe(true);
    const other = await startHappenstance('hs_live_controller_4321');
    fakes.push(other);
    expect(
      await app.invoke('accounts:update', { accountId: 'research', patch: { baseUrl: other.server.url } }),
    ).toEqual({ ok: true, value: null });
    expect(existsSync(path.join(dataDir, 'cache', 'research.json'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'history', 'research.jsonl'))).toBe(false);
    // The popover shows no value until the new host answers.
    expect(app.controller.state().accounts[0]).toMatchObject({ remaining: null, stale: false });
    await app.controller.stop();
  });

  it('removing an account takes its key, cache, history and alert state with it', async () => {
    const { app, dataDir } = await withResearch();
    await app.invoke('alerts:set-thresholds', { accountId: 'research', alerts: { warnBelow: 5000 } });
    await app.invoke('accounts:refresh', {});
    const alertState = () => JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8'));
    expect(alertState().accounts.research).toBeDefined();
    expect(await app.invoke('accounts:remove', { accountId: 'research' })).toEqual({ ok: true, value: null });
    expect(alertState().accounts.research).toBeUndefined();
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'research')).toBeNull();
    expect(app.controller.state().accounts).toEqual([]);
    expect(existsSync(path.join(dataDir, 'cache', 'research.json'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'history', 'research.jsonl'))).toBe(false);
    await app.controller.stop();
  });

  it('a removal that leaves something behind says what, all in the language spoken (German here)', async () => {
    const { app, dataDir } = await withResearch();
    await app.invoke('settings:set', { patch: { language: 'de' } });
    // A folder where the history file is: it cannot be removed as a file.
    const history = path.join(dataDir, 'history', 'research.jsonl');
    rmSync(history, { force: true });
    mkdirSync(path.join(history, 'inside'), { recursive: true });
    const removed = await app.invoke('accounts:remove', { accountId: 'research' });
    expect(removed).toEqual({
      ok: false,
      error: { kind: 'config', message: 'Entfernt, aber Folgendes ließ sich nicht entfernen: der Verlauf' },
    });
    // The account itself is gone, and so is everything else it had.
    expect(app.controller.state().accounts).toEqual([]);
    expect(existsSync(path.join(dataDir, 'cache', 'research.json'))).toBe(false);
    await app.invoke('settings:set', { patch: { language: null } });
    await app.controller.stop();
  });

  it('on start shows the cached values at once, marked stale, before any request', async () => {
    const hs = await startHappenstance('hs_live_controller_8765');
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    const first = await makeApp(dataDir);
    await first.controller.start(false);
    const account = { id: 'cached', provider: 'happenstance', label: 'Cached', baseUrl: hs.server.url };
    await first.invoke('accounts:add', { account, key: hs.key });
    await first.advance(10_000);
    await first.controller.stop();

    const requests = hs.server.requests.length;
    const second = await makeApp(dataDir);
    // The fake clock has not moved, so no poll has run: what start() pushed came from the cache alone.
    await second.controller.start(true);
    expect(second.pushed[0]?.accounts[0]).toMatchObject({ id: 'cached', remaining: 1840, stale: true });
    expect(hs.server.requests.length).toBe(requests);
    expect(second.controller.state().launchAtLogin).toBe(true);
    await second.controller.stop();
    await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'cached');
  });

  it('adds a demo with no key and a year of history, exports it as CSV, and applies default thresholds', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    mkdirSync(path.join(dataDir, 'exports'));
    const app = await makeApp(dataDir);
    await app.controller.start(false);
    const account = { id: 'demo', provider: 'demo', label: 'Demo account' };
    expect(await app.invoke('accounts:test', { account })).toMatchObject({
      ok: true,
      value: { unit: 'credits' },
    });
    expect(await app.invoke('accounts:add', { account })).toEqual({ ok: true, value: null });
    await app.advance(10_000);
    expect(app.controller.state().accounts[0]).toMatchObject({
      providerName: 'Demo',
      hasKey: false,
      level: 'ok',
      stale: false,
    });
    const year = await app.invoke('history:get', {
      accountId: 'demo',
      from: 0,
      to: Number.MAX_SAFE_INTEGER,
      maxPoints: 10_000,
    });
    expect(year.ok && Array.isArray(year.value) ? year.value.length : 0).toBeGreaterThan(1000);

    expect(await app.invoke('history:export', { accountId: 'demo' })).toEqual({ ok: true, value: true });
    const csv = readFileSync(path.join(dataDir, 'exports', 'creditbar-demo.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('time,remaining,used_this_period,max_quota_percent');
    expect(csv.length).toBeGreaterThan(1000);
    expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,[\d.-]+,\d+,[\d.]+$/);

    // The chart as the page drew it: written only when it is a PNG, and never for an unknown account.
    const png = encodePng({ width: 2, height: 1, rgba: new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]) });
    const pngFile = path.join(dataDir, 'exports', 'creditbar-demo.png');
    expect(
      await app.invoke('history:export-png', {
        accountId: 'demo',
        png: Buffer.from('GIF89a...').toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { message: 'The chart image is not a PNG' } });
    expect(existsSync(pngFile)).toBe(false);
    expect(
      await app.invoke('history:export-png', { accountId: 'nobody', png: png.toString('base64') }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await app.invoke('history:export-png', { accountId: 'demo', png: 'not base64!' })).toMatchObject({
      ok: false,
    });
    expect(
      await app.invoke('history:export-png', { accountId: 'demo', png: png.toString('base64') }),
    ).toEqual({ ok: true, value: true });
    expect(readFileSync(pngFile).equals(png)).toBe(true);

    await app.invoke('settings:set', { patch: { defaultAlerts: { warnBelow: 1_000_000 } } });
    await app.advance(120_000);
    expect(app.controller.state().accounts[0]?.level).toBe('warning');
    expect(JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).settings).toEqual({
      defaultAlerts: { warnBelow: 1_000_000 },
    });
    await app.controller.stop();
  });

  it('an add whose config cannot be written says why in plain words and leaves no key in the keychain', async () => {
    const hs = await startHappenstance('hs_live_unwritable_9999');
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    const app = await makeApp(dataDir);
    await app.controller.start(false);
    // A folder where config.json should be: the write fails even for root.
    mkdirSync(path.join(dataDir, 'config.json'));
    const account = {
      id: 'unwritable',
      provider: 'happenstance',
      label: 'Unwritable',
      baseUrl: hs.server.url,
    };
    expect(await app.invoke('accounts:add', { account, key: hs.key })).toEqual({
      ok: false,
      error: {
        kind: 'config',
        message: `Cannot read ${path.join(dataDir, 'config.json')}: a folder stands where the file should be. Nothing was changed.`,
      },
    });
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'unwritable')).toBeNull();
    expect(app.controller.state().accounts).toEqual([]);
    expect(await app.invoke('accounts:add', { account: { ...account, id: 'x' }, key: hs.key })).toMatchObject(
      {
        ok: false,
        error: { kind: 'config' },
      },
    );
    await app.controller.stop();
  });

  it('a second account with a taken id is refused with the reason', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    const app = await makeApp(dataDir);
    await app.controller.start(false);
    const demo = { id: 'demo', provider: 'demo', label: 'Demo account' };
    expect(await app.invoke('accounts:add', { account: demo })).toEqual({ ok: true, value: null });
    expect(await app.invoke('accounts:add', { account: demo })).toEqual({
      ok: false,
      error: {
        kind: 'config',
        message: 'An account with id "demo" exists already; remove it first or choose another id.',
      },
    });
    await app.controller.stop();
  });
});

describe('one owner for config and settings', () => {
  it('quiet hours and default levels set in the popover apply at once, without a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    const app = await makeApp(dataDir);
    const delivered: string[] = [];
    app.controller.onAlert((intent) => delivered.push(intent.kind));
    await app.controller.start(false);
    // The clock stands at 12:00 UTC: inside 00:00–23:59, so every alert must wait.
    expect(
      await app.invoke('settings:set', {
        patch: { quietHours: { start: '00:00', end: '23:59' }, defaultAlerts: { warnBelow: 1_000_000 } },
      }),
    ).toEqual({ ok: true, value: null });
    await app.invoke('accounts:add', { account: { id: 'demo', provider: 'demo', label: 'Demo' } });
    await app.advance(120_000);
    expect(app.controller.state().accounts[0]?.level).toBe('warning');
    expect(delivered).toEqual([]);
    // Clearing quiet hours applies at once too: the next alert is delivered.
    await app.invoke('settings:set', {
      patch: { quietHours: null, defaultAlerts: { criticalBelow: 1_000_000 } },
    });
    await app.advance(120_000);
    expect(delivered.length).toBeGreaterThan(0);
    await app.controller.stop();
  });

  it('editing an account changes what the edit sends and keeps every other field', async () => {
    const hs = await startHappenstance('hs_live_edit_key_1234');
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-'));
    const app = await makeApp(dataDir);
    await app.controller.start(false);
    const account = {
      id: 'rich',
      provider: 'richutilities',
      label: 'Rich',
      baseUrl: hs.server.url,
      pollSeconds: 120,
      alerts: { warnBelow: 10 },
    };
    expect(await app.invoke('accounts:add', { account, key: hs.key })).toEqual({ ok: true, value: null });
    expect(
      await app.invoke('accounts:update', { accountId: 'rich', patch: { label: 'Rich (team)' } }),
    ).toEqual({
      ok: true,
      value: null,
    });
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).accounts[0];
    expect(saved).toEqual({ ...account, label: 'Rich (team)' });
    // The popover gets the whole account to edit (never the key).
    expect(app.controller.state().accounts[0]?.config).toEqual({ ...account, label: 'Rich (team)' });
    expect(JSON.stringify(app.controller.state())).not.toContain(hs.key);
    // A patch that would break the account is refused whole, naming the field, and nothing changes.
    const refused = await app.invoke('accounts:update', { accountId: 'rich', patch: { baseUrl: null } });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'config', message: expect.stringMatching(/^baseUrl: is required/) },
    });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).accounts[0]).toEqual(saved);
    await app.controller.stop();
  });
});

describe('the metrics endpoint setting', () => {
  async function until<T>(read: () => T | undefined): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('timed out');
  }

  async function demoApp(extra: Partial<DesktopAppOptions>) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-metrics-'));
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ version: 1, accounts: [{ id: 'demo', provider: 'demo', label: 'Demo' }] }),
    );
    const app = await makeApp(dataDir, extra);
    await app.controller.start(false);
    await app.advance(120_000);
    return app;
  }

  it('is off by default; on, it serves the polled values on loopback as serve does; off, it stops', async () => {
    const { controller, invoke } = await demoApp({ metricsListen: '127.0.0.1:0' });
    try {
      expect(controller.state().metricsServer).toBeUndefined();
      await invoke('settings:set', { patch: { serveMetrics: true } });
      const base = await until(() => controller.state().metricsServer?.base ?? undefined);
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const remaining = controller.state().accounts[0]?.remaining;
      expect(remaining).toEqual(expect.any(Number));
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain(`creditbar_balance{account="demo",provider="demo",unit="credits"} ${remaining}`);
      expect(text).toContain('creditbar_up{account="demo"} 1');
      await invoke('settings:set', { patch: { serveMetrics: null } });
      await until(() => (controller.state().metricsServer === undefined ? true : undefined));
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      await controller.stop();
    }
  });

  it('an account pointed at another host that fails: neither the popover nor /metrics keep the old host’s balance', async () => {
    const hs = await startHappenstance('hs_live_repoint_4321');
    // The new host knows another key: ours is rejected there, and polling stops for good.
    const other = await startHappenstance('hs_live_someone_else_9876');
    fakes.push(hs, other);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-app-repoint-'));
    const app = await makeApp(dataDir, { metricsListen: '127.0.0.1:0' });
    const { controller, invoke } = app;
    try {
      await controller.start(false);
      const account = { id: 'research', provider: 'happenstance', label: 'Research', baseUrl: hs.server.url };
      await invoke('accounts:add', { account, key: hs.key });
      await invoke('settings:set', { patch: { serveMetrics: true } });
      await app.advance(10_000);
      const base = await until(() => controller.state().metricsServer?.base ?? undefined);
      const scrape = async () => (await fetch(`${base}/metrics`)).text();
      expect(await scrape()).toContain(
        'creditbar_balance{account="research",provider="happenstance",unit="credits"} 1840',
      );

      await invoke('accounts:update', { accountId: 'research', patch: { baseUrl: other.server.url } });
      // At once, before the new host is asked (a paused or offline app may not ask it for hours).
      expect(controller.state().accounts[0]).toMatchObject({ remaining: null, stale: false });
      expect(await scrape()).not.toContain('creditbar_balance{account="research"');
      await app.advance(10_000);
      expect(other.server.requests.length).toBeGreaterThan(0);
      expect(controller.state().accounts[0]).toMatchObject({
        remaining: null,
        stale: false,
        error: { kind: 'auth' },
      });
      const text = await scrape();
      expect(text).not.toContain('creditbar_balance{account="research"');
      expect(text).toContain('creditbar_up{account="research"} 0');
      // It stays so: no later poll brings the old host's value back.
      await app.advance(3_600_000);
      expect(await scrape()).not.toContain('creditbar_balance{account="research"');
    } finally {
      await controller.stop();
      await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'research');
    }
  });

  it('a port another program holds is said in the state, and nothing else breaks', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    const { controller, invoke } = await demoApp({ metricsListen: `127.0.0.1:${port}` });
    try {
      await invoke('settings:set', { patch: { serveMetrics: true } });
      const problem = say(await until(() => controller.state().metricsServer?.problem ?? undefined));
      expect(problem).toMatch(new RegExp(`Port ${port} is taken by another program`));
      expect(controller.state().metricsServer?.base).toBeNull();
      expect(controller.state().accounts[0]?.level).toBe('ok');
    } finally {
      await controller.stop();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

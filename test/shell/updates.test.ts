/**
 * Updating itself, run for real: the BUILT main process under the Electron stand-in, with the real electron-updater
 * reading a loopback release host (test/support/update-server.ts) whose latest-linux.yml electron-builder's own code
 * wrote. On Linux the updater replaces an AppImage, so the running "AppImage" is a script that writes down how it
 * was started: what is checked is that the file on disk was replaced (or not) and the new version started.
 *
 * Not covered here: Squirrel.Mac (needs a signed app on macOS) and the NSIS installer (Windows); their formats are
 * decided by the same install-source rules, tested in test/core/updates.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../shared/app-state';
import { fakeAppImage, UpdateServer } from '../support/update-server';
import { ShellRun } from './shell-harness';

const dirs: string[] = [];
const runs: ShellRun[] = [];
const servers: UpdateServer[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
  await Promise.all(servers.map((s) => s.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const ROOT = path.resolve(__dirname, '..', '..');
const CURRENT = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
/** The next minor and patch versions after this one. */
const [major, minor] = CURRENT.split('.').map(Number) as [number, number];
const NEWER = `${major}.${minor + 1}.0`;
const NEWER_STILL = `${major}.${minor + 1}.1`;

interface Install {
  home: string;
  appImage: string;
  marker: string;
  resources: string;
  server: UpdateServer;
}

/** An AppImage "installed" in ~/Applications, its resources with the app-update.yml electron-builder writes. */
async function install(options: { settings?: object; packageType?: string } = {}): Promise<Install> {
  const home = mkdtempSync(path.join(tmpdir(), 'creditbar-update-'));
  dirs.push(home);
  const server = await UpdateServer.start(path.join(home, 'release'));
  servers.push(server);
  const marker = path.join(home, 'started.log');
  const appImage = path.join(home, 'Applications', 'Creditbar.AppImage');
  mkdirSync(path.dirname(appImage), { recursive: true });
  writeFileSync(appImage, fakeAppImage(CURRENT, marker));
  chmodSync(appImage, 0o755);
  const resources = path.join(home, 'resources');
  mkdirSync(resources, { recursive: true });
  writeFileSync(path.join(resources, 'app-update.yml'), server.appUpdateYml());
  if (options.packageType) writeFileSync(path.join(resources, 'package-type'), options.packageType);
  const userData = path.join(home, 'userData');
  mkdirSync(userData, { recursive: true });
  writeFileSync(
    path.join(userData, 'config.json'),
    JSON.stringify({ version: 1, accounts: [], settings: options.settings ?? {} }),
  );
  return { home, appImage, marker, resources, server };
}

function start(app: Install, isPackaged = true): ShellRun {
  const run = ShellRun.start({
    platform: 'linux',
    isPackaged,
    home: app.home,
    resourcesPath: app.resources,
    argv: ['--hidden'],
    env: { APPIMAGE: app.appImage, XDG_CACHE_HOME: path.join(app.home, 'cache') },
  });
  runs.push(run);
  return run;
}

async function updates(run: ShellRun): Promise<AppState['updates']> {
  const result = (await run.do({ type: 'invoke', channel: 'state:get', payload: {} })) as {
    ok: boolean;
    value: AppState;
  };
  return result.value.updates;
}

/** Waits until the updater's status satisfies `test`, checking the state main would push. */
async function until(run: ShellRun, what: string, test: (u: AppState['updates']) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const now = await updates(run);
    if (test(now)) return now;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(now)}\n${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const menuLabels = async (run: ShellRun) => {
  await run.do({ type: 'tray-click', button: 'right' });
  const state = (await run.do({ type: 'state' })) as { tray: { menuOpen: string[] | null } };
  await run.do({ type: 'menu-dismiss' });
  return state.tray.menuOpen ?? [];
};

const pending = (app: Install) => {
  const dir = path.join(app.home, 'cache', 'creditbar-updater', 'pending');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.AppImage')) : [];
};

// Each test has its own install, host and process, and spends most of its time waiting on them: run side by side.
describe.concurrent('an AppImage that updates itself from its release host', () => {
  it('checks at start; missing, same, tampered and slow releases; then installs and starts the new version', async () => {
    const app = await install();
    await app.server.publish(CURRENT, app.marker);
    // The release's channel file is electron-builder's: version, files with sha512 and size, releaseDate.
    expect(app.server.channelFile()).toMatch(
      new RegExp(`^version: ${CURRENT.replaceAll('.', '\\.')}\\nfiles:\\n  - url: Creditbar-`, 'm'),
    );
    expect(app.server.channelFile()).toMatch(/^releaseDate: '\d{4}-/m);
    app.server.mode = 'missing';
    const run = start(app);
    await run.waitForCall('tray.setToolTip');

    // At start, with the setting at its default (on): the host has no channel file for Linux.
    expect(await until(run, 'the first check', (u) => u.status.kind === 'failed')).toMatchObject({
      version: CURRENT,
      source: { kind: 'self-updating', format: 'appimage' },
      status: { kind: 'failed', failure: 'not-found' },
    });
    expect(app.server.requests).toEqual(['/latest-linux.yml']);

    // The same version, asked from the tray menu: a dialog answers, since the menu has nowhere to.
    app.server.mode = 'good';
    await run.do({ type: 'tray-click', button: 'right' });
    await run.do({ type: 'menu-click', label: 'Check for updates' });
    await run.waitForCall(
      'dialog.showMessageBox',
      0,
      (d) => d === `Creditbar ${CURRENT} is the newest version.`,
    );
    expect((await updates(run)).status.kind).toBe('up-to-date');
    expect(await menuLabels(run)).toContain('Check for updates');

    // A newer version whose published sha512 is not its file's: downloaded, refused, deleted, not installed.
    await app.server.publish(NEWER, app.marker);
    app.server.mode = 'corrupt';
    await run.do({ type: 'invoke', channel: 'updates:check', payload: {} });
    expect(await until(run, 'the refusal', (u) => u.status.kind === 'failed')).toMatchObject({
      status: { kind: 'failed', failure: 'tampered', version: NEWER },
    });
    expect(app.server.requests).toContain(`/Creditbar-${NEWER}.AppImage`);
    expect(pending(app)).toEqual([]);

    // The file the release names is gone.
    app.server.mode = 'artifact-missing';
    await run.do({ type: 'invoke', channel: 'updates:check', payload: {} });
    expect(
      await until(
        run,
        'the missing file',
        (u) => u.status.kind === 'failed' && u.status.failure !== 'tampered',
      ),
    ).toMatchObject({
      status: { kind: 'failed', failure: 'not-found', version: NEWER },
    });

    // A slow host: the download is seen under way, with its percent, and the app answers meanwhile.
    await app.server.publish(NEWER_STILL, app.marker);
    app.server.mode = 'slow';
    await run.do({ type: 'invoke', channel: 'updates:check', payload: {} });
    const partway = await until(
      run,
      'progress',
      (u) =>
        u.status.kind === 'downloading' && (u.status.percent ?? 0) > 0 && (u.status.percent ?? 100) < 100,
    );
    expect(partway.status).toMatchObject({ kind: 'downloading', version: NEWER_STILL });
    // Said, not offered: the menu lists the download as a disabled line.
    expect(await menuLabels(run)).toContain(`(disabled) Downloading version ${NEWER_STILL}…`);
    await until(run, 'the verified download', (u) => u.status.kind === 'ready');
    expect(await menuLabels(run)).toContain(`Restart to update to ${NEWER_STILL}`);
    expect(readFileSync(app.appImage, 'utf8')).toContain(`started ${CURRENT} `);

    // "Restart to update": the app stops, frees its lock, the AppImage is replaced and the new one started.
    await run.do({ type: 'tray-click', button: 'right' });
    await run.do({ type: 'menu-click', label: `Restart to update to ${NEWER_STILL}` });
    expect(await run.exited).toBe(0);
    expect(readFileSync(app.appImage, 'utf8')).toContain(`started ${NEWER_STILL} `);
    expect(run.calls('app.releaseSingleInstanceLock')).toHaveLength(1);
    const deadline = Date.now() + 5000;
    while (!existsSync(app.marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(app.marker, 'utf8')).toBe(`started ${NEWER_STILL} silent=true exit-after=\n`);
  }, 60_000);

  it('switched off: nothing asked at start; a check asked for still downloads; quitting installs it', async () => {
    const app = await install({ settings: { checkForUpdates: false } });
    await app.server.publish(NEWER, app.marker);
    const run = start(app);
    await run.waitForCall('tray.setToolTip');
    // Long enough for the check at start to have reached the host, had there been one (the first test's arrives
    // within a few milliseconds of the tray's first state).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.server.requests).toEqual([]);
    expect((await updates(run)).status).toEqual({ kind: 'idle' });

    await run.do({ type: 'tray-click', button: 'right' });
    await run.do({ type: 'menu-click', label: 'Check for updates' });
    await until(run, 'the download', (u) => u.status.kind === 'ready');
    await run.do({ type: 'tray-click', button: 'right' });
    await run.do({ type: 'menu-click', label: 'Quit Creditbar' });
    expect(await run.exited).toBe(0);
    // Installed on quit, silently, and the new version not started (electron-updater's install-on-quit).
    expect(readFileSync(app.appImage, 'utf8')).toContain(`started ${NEWER} `);
    expect(readFileSync(app.marker, 'utf8')).toBe(`started ${NEWER} silent=true exit-after=true\n`);
  }, 30_000);

  it('a deb install is its package manager’s: no request, no menu item, and Settings says how to update', async () => {
    const app = await install({ packageType: 'deb' });
    await app.server.publish(NEWER, app.marker);
    const run = start(app);
    await run.waitForCall('tray.setToolTip');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.server.requests).toEqual([]);
    expect(await updates(run)).toEqual({
      version: CURRENT,
      source: { kind: 'package-manager', manager: 'deb' },
      status: { kind: 'idle' },
    });
    expect((await menuLabels(run)).filter((l) => /update/i.test(l))).toEqual([]);
    const asked = (await run.do({ type: 'invoke', channel: 'updates:check', payload: {} })) as {
      ok: boolean;
      error: { message: { key: string } };
    };
    expect(asked).toMatchObject({ ok: false, error: { message: { key: 'updates.packageManager' } } });
    expect(app.server.requests).toEqual([]);
  }, 30_000);

  it('a development build (npm start) never asks, though a release and its app-update.yml are there', async () => {
    const app = await install();
    await app.server.publish(NEWER, app.marker);
    const run = start(app, false);
    await run.waitForCall('tray.setToolTip');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.server.requests).toEqual([]);
    expect(run.calls('net.request')).toEqual([]);
    expect((await updates(run)).source).toEqual({ kind: 'unpackaged' });
    expect((await menuLabels(run)).filter((l) => /update/i.test(l))).toEqual([]);
  }, 30_000);

  it('a download removed before "Restart to update" or quitting is refused: the AppImage is kept', async () => {
    const app = await install();
    await app.server.publish(NEWER, app.marker);
    const run = start(app);
    await run.waitForCall('tray.setToolTip');
    await until(run, 'the download', (u) => u.status.kind === 'ready');
    // Something (a cache cleaner, the person) removed the downloaded AppImage. electron-updater would delete the
    // running AppImage first and then fail to move the new one in, leaving none.
    for (const file of pending(app))
      rmSync(path.join(app.home, 'cache', 'creditbar-updater', 'pending', file));
    const asked = await run.do({ type: 'invoke', channel: 'updates:install', payload: {} });
    expect(asked).toMatchObject({ ok: false, error: { message: { key: 'updates.lost' } } });
    expect((await updates(run)).status).toMatchObject({ kind: 'failed', failure: 'lost', version: NEWER });
    expect(readFileSync(app.appImage, 'utf8')).toContain(`started ${CURRENT} `);
    expect(run.calls('app.quit')).toEqual([]);
    // Checked again, it downloads anew and is ready to install.
    await run.do({ type: 'invoke', channel: 'updates:check', payload: {} });
    await until(run, 'the new download', (u) => u.status.kind === 'ready');
    expect(pending(app)).toHaveLength(1);
    // Removed again, then the app quits: it does not install on quit either.
    for (const file of pending(app))
      rmSync(path.join(app.home, 'cache', 'creditbar-updater', 'pending', file));
    await run.do({ type: 'tray-click', button: 'right' });
    await run.do({ type: 'menu-click', label: 'Quit Creditbar' });
    expect(await run.exited).toBe(0);
    expect(readFileSync(app.appImage, 'utf8')).toContain(`started ${CURRENT} `);
  }, 30_000);
});

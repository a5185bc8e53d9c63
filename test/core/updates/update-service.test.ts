import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/core/errors';
import { ConfigStore } from '../../../main/core/store/config-store';
import { CHECK_EVERY_MS, STALLED_AFTER_MS, UpdateService } from '../../../main/core/updates/update-service';
import type { UpdaterEvent, UpdaterPort } from '../../../main/core/updates/updater-port';
import { APP_VERSION } from '../../../shared/app-version';
import { type InstallSource, UpdatesView } from '../../../shared/updates';
import { FakeClock } from '../../support/fake-clock';

/** An updater that answers each check with the events a test queued, as electron-updater emits them. */
class ScriptedUpdater implements UpdaterPort {
  checks = 0;
  installs = 0;
  private listener: (event: UpdaterEvent) => void = () => undefined;
  answers: UpdaterEvent[][] = [];
  subscribe(listener: (event: UpdaterEvent) => void): void {
    this.listener = listener;
  }
  async check(): Promise<void> {
    this.checks++;
    this.emit({ type: 'checking' });
    for (const event of this.answers.shift() ?? [{ type: 'not-available' }]) this.emit(event);
  }
  emit(event: UpdaterEvent): void {
    this.listener(event);
  }
  intact = true;
  async downloadIntact(): Promise<boolean> {
    return this.intact;
  }
  installNow(): void {
    this.installs++;
  }
  installsOnQuit = true;
  installOnQuit(enabled: boolean): void {
    this.installsOnQuit = enabled;
  }
}

const APPIMAGE: InstallSource = { kind: 'self-updating', format: 'appimage' };

async function setup(options: { source?: InstallSource; settings?: { checkForUpdates?: boolean } } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-updates-'));
  const config = await ConfigStore.open(path.join(dir, 'config.json'));
  if (options.settings) await config.patchSettings(options.settings);
  const clock = new FakeClock(Date.parse('2026-12-07T09:00:00Z'));
  const updater = new ScriptedUpdater();
  let changes = 0;
  const source = options.source ?? APPIMAGE;
  const service = new UpdateService(
    source,
    source.kind === 'self-updating' ? updater : null,
    config,
    clock,
    () => changes++,
  );
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { config, clock, updater, service, settle, changes: () => changes };
}

describe('checking for updates', () => {
  it('checks at start and every six hours while the setting is on (its default)', async () => {
    const { clock, updater, service, settle } = await setup();
    service.start();
    await settle();
    expect(updater.checks).toBe(1);
    expect(service.view).toEqual({
      version: APP_VERSION,
      source: APPIMAGE,
      status: { kind: 'up-to-date', checkedAt: '2026-12-07T09:00:00.000Z' },
    });
    await clock.advance(CHECK_EVERY_MS - 1, settle);
    expect(updater.checks).toBe(1);
    await clock.advance(1, settle);
    expect(updater.checks).toBe(2);
    await clock.advance(CHECK_EVERY_MS * 3, settle);
    expect(updater.checks).toBe(5);
    service.stop();
  });

  it('switched off, it never checks on its own; a check asked for still runs; switched on, it checks at once', async () => {
    const { config, clock, updater, service, settle } = await setup({ settings: { checkForUpdates: false } });
    service.start();
    await clock.advance(CHECK_EVERY_MS * 4, settle);
    expect(updater.checks).toBe(0);
    await service.checkNow();
    expect(updater.checks).toBe(1);
    await config.patchSettings({ checkForUpdates: null });
    await settle();
    expect(updater.checks).toBe(2);
    await config.patchSettings({ checkForUpdates: false });
    await clock.advance(CHECK_EVERY_MS * 2, settle);
    expect(updater.checks).toBe(2);
    service.stop();
  });

  it('downloads in the background, then is ready; it does not check again over a ready update', async () => {
    const { clock, updater, service, settle } = await setup();
    updater.answers.push([
      { type: 'available', version: '9.1.0' },
      { type: 'progress', percent: 42.5 },
    ]);
    service.start();
    await settle();
    expect(service.view.status).toEqual({ kind: 'downloading', version: '9.1.0', percent: 42.5 });
    updater.emit({ type: 'downloaded', version: '9.1.0' });
    expect(service.view.status).toEqual({ kind: 'ready', version: '9.1.0' });
    await clock.advance(CHECK_EVERY_MS, settle);
    expect(updater.checks).toBe(1);
    expect(await service.requireInstallable()).toBe(updater);
    // The download removed or changed on disk since: refused, and said, before anything stops.
    updater.intact = false;
    await expect(service.requireInstallable()).rejects.toMatchObject({ said: { key: 'updates.lost' } });
    expect(service.view.status).toEqual({
      kind: 'failed',
      failure: 'lost',
      at: '2026-12-07T15:00:00.000Z',
      version: '9.1.0',
    });
    service.stop();
  });

  it('quitting installs a ready update, unless its file was removed or changed since it was verified', async () => {
    const { updater, service, settle } = await setup();
    updater.answers.push([
      { type: 'available', version: '9.1.0' },
      { type: 'downloaded', version: '9.1.0' },
    ]);
    service.start();
    await settle();
    await service.beforeQuit();
    expect(updater.installsOnQuit).toBe(true);
    updater.intact = false;
    await service.beforeQuit();
    expect(updater.installsOnQuit).toBe(false);
    expect(service.view.status).toMatchObject({ kind: 'failed', failure: 'lost', version: '9.1.0' });
    service.stop();
  });

  it('a refused download names the version and why, and nothing is ready to install', async () => {
    const { updater, service, settle } = await setup();
    updater.answers.push([
      { type: 'available', version: '9.1.0' },
      {
        type: 'error',
        error: { message: 'sha512 checksum mismatch, expected a, got b', code: 'ERR_CHECKSUM_MISMATCH' },
      },
    ]);
    service.start();
    await settle();
    expect(service.view.status).toEqual({
      kind: 'failed',
      failure: 'tampered',
      at: '2026-12-07T09:00:00.000Z',
      version: '9.1.0',
    });
    await expect(service.requireInstallable()).rejects.toBeInstanceOf(AppFailure);
    service.stop();
  });

  it('a check or download that hears nothing for two minutes is reported stalled', async () => {
    const { clock, updater, service, settle } = await setup();
    updater.answers.push([{ type: 'available', version: '9.1.0' }]);
    service.start();
    await settle();
    await clock.advance(STALLED_AFTER_MS - 1000, settle);
    updater.emit({ type: 'progress', percent: 10 });
    await clock.advance(STALLED_AFTER_MS - 1000, settle);
    expect(service.view.status.kind).toBe('downloading');
    await clock.advance(1000, settle);
    expect(service.view.status).toMatchObject({ kind: 'failed', failure: 'stalled', version: '9.1.0' });
    service.stop();
  });

  it('a copy that does not update itself has no updater: no check, and a check asked for says why', async () => {
    const { clock, updater, service, settle } = await setup({
      source: { kind: 'package-manager', manager: 'homebrew' },
    });
    service.start();
    await clock.advance(CHECK_EVERY_MS * 2, settle);
    expect(updater.checks).toBe(0);
    await expect(service.checkNow()).rejects.toMatchObject({
      said: { key: 'updates.packageManager', params: { manager: 'homebrew' } },
    });
    service.stop();
  });

  it('a release version semver allows is shown as it is; one the state cannot carry is the release’s fault', async () => {
    const { updater, service, settle } = await setup();
    // Pre-release and build metadata together: valid semver, so electron-updater offers it.
    updater.answers.push([{ type: 'available', version: '9.1.0-beta.2+build.77' }]);
    service.start();
    await settle();
    expect(service.view.status).toEqual({
      kind: 'downloading',
      version: '9.1.0-beta.2+build.77',
      percent: null,
    });
    // Every state is pushed to the popover through the schema: it must accept what the service keeps.
    expect(UpdatesView.safeParse(service.view).success).toBe(true);
    // A channel file whose version has a "v" in front (electron-updater reads it; the raw text comes through).
    updater.emit({ type: 'downloaded', version: 'v9.1.0' });
    expect(service.view.status).toMatchObject({ kind: 'failed', failure: 'server' });
    expect(UpdatesView.safeParse(service.view).success).toBe(true);
    service.stop();
  });
});

import { APP_VERSION } from '../../../shared/app-version';
import { message } from '../../../shared/message';
import { notSelfUpdating } from '../../../shared/update-text';
import {
  checksAutomatically,
  type InstallSource,
  type UpdateStatus,
  type UpdatesView,
} from '../../../shared/updates';
import { AppFailure } from '../errors';
import type { Clock } from '../monitor/clock';
import type { ConfigStore } from '../store/config-store';
import { asUpdaterError } from './update-failure';
import { nextStatus } from './update-status';
import type { UpdaterEvent, UpdaterPort } from './updater-port';

/** "Checks at start and every 6 hours" (issue 30): often enough for a fix to arrive within a working day. */
export const CHECK_EVERY_MS = 6 * 60 * 60_000;
/**
 * A check or download that says nothing for this long is reported as stalled. Electron's net module has no
 * timeout of its own, so a server that accepts and never answers would otherwise show "checking" forever.
 */
export const STALLED_AFTER_MS = 2 * 60_000;

/**
 * Checks for updates while the setting allows, and keeps what the person sees of it: the version, who updates
 * this copy, and the last thing the updater did. Only a self-updating install has an updater at all.
 */
export class UpdateService {
  private status: UpdateStatus = { kind: 'idle' };
  private nextCheck: unknown = null;
  private stallTimer: unknown = null;
  private started = false;

  constructor(
    readonly source: InstallSource,
    private readonly updater: UpdaterPort | null,
    private readonly config: ConfigStore,
    private readonly clock: Clock,
    private readonly changed: () => void,
  ) {
    updater?.subscribe((event) => this.on(event));
    config.onChange(() => {
      if (this.started) this.schedule();
    });
  }

  get view(): UpdatesView {
    return { version: APP_VERSION, source: this.source, status: this.status };
  }

  /** Checks now when automatic checks are on, then every six hours. */
  start(): void {
    this.started = true;
    this.schedule();
  }

  stop(): void {
    this.started = false;
    this.clearCheck();
    this.clearStall();
  }

  /** The person asked ("Check for updates"): checked whatever the setting, where this copy can update at all. */
  async checkNow(): Promise<void> {
    const updater = this.requireUpdater();
    if (this.status.kind === 'downloading' || this.status.kind === 'ready') return;
    await this.run(updater);
  }

  /**
   * "Restart to update": only once an update is downloaded and verified, and only while that file is still the
   * release's. electron-updater deletes the running AppImage before it moves the new one in, so a download removed
   * meanwhile would leave no app at all.
   */
  async requireInstallable(): Promise<UpdaterPort> {
    const updater = this.requireUpdater();
    if (this.status.kind !== 'ready') throw new AppFailure('config', message('updates.notReady'));
    if (!(await updater.downloadIntact())) {
      this.on({ type: 'download-lost' });
      throw new AppFailure('config', message('updates.lost'));
    }
    return updater;
  }

  /**
   * The app is quitting, which installs a ready update: not one whose file was removed or changed meanwhile, for
   * the same reason as requireInstallable.
   */
  async beforeQuit(): Promise<void> {
    if (this.status.kind !== 'ready' || !this.updater) return;
    if (await this.updater.downloadIntact()) return;
    this.updater.installOnQuit(false);
    this.on({ type: 'download-lost' });
  }

  private requireUpdater(): UpdaterPort {
    if (!this.updater)
      throw new AppFailure('config', notSelfUpdating(this.source) ?? message('updates.unpackaged'));
    return this.updater;
  }

  private get automatic(): boolean {
    return checksAutomatically(this.config.settings.checkForUpdates);
  }

  /** Switched on: a check now (a person who just turned it on expects one) and every six hours; off: none. */
  private schedule(): void {
    const wanted = this.started && this.automatic && this.updater !== null;
    if (!wanted) {
      this.clearCheck();
      return;
    }
    if (this.nextCheck !== null) return;
    const tick = () => {
      this.nextCheck = this.clock.setTimer(tick, CHECK_EVERY_MS);
      if (this.status.kind !== 'downloading' && this.status.kind !== 'ready' && this.updater)
        void this.run(this.updater);
    };
    tick();
  }

  private clearCheck(): void {
    if (this.nextCheck !== null) this.clock.clearTimer(this.nextCheck);
    this.nextCheck = null;
  }

  private async run(updater: UpdaterPort): Promise<void> {
    this.set({ kind: 'checking' });
    try {
      await updater.check();
    } catch (error) {
      // electron-updater also emits the error as an event; a port that only rejects is heard here.
      if (this.status.kind === 'checking') this.on({ type: 'error', error: asUpdaterError(error) });
    }
  }

  private on(event: UpdaterEvent): void {
    this.set(nextStatus(this.status, event, this.clock.wall()));
  }

  private set(status: UpdateStatus): void {
    this.status = status;
    this.clearStall();
    // Stopped, the app is quitting: no timer may outlive it.
    if (this.started && (status.kind === 'checking' || status.kind === 'downloading')) {
      this.stallTimer = this.clock.setTimer(() => {
        this.stallTimer = null;
        this.on({ type: 'stalled' });
      }, STALLED_AFTER_MS);
    }
    this.changed();
  }

  private clearStall(): void {
    if (this.stallTimer !== null) this.clock.clearTimer(this.stallTimer);
    this.stallTimer = null;
  }
}

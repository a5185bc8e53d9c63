import type { Clock } from '../monitor/clock';
import { tryMonitorLock } from '../store/monitor-lock';

/**
 * How the claim on a data dir's monitoring is kept: the owner refreshes it every `heartbeatMs`; a claim not
 * refreshed for `staleMs` is a crashed owner's and may be taken; a process that reads only tries again every
 * `retryMs`. The systemd unit restarts a crashed `serve` after `staleMs` (test/deploy checks they agree), so the
 * restarted one owns at once.
 */
export interface ClaimTiming {
  heartbeatMs: number;
  staleMs: number;
  retryMs: number;
}

export const CLAIM_TIMING: ClaimTiming = { heartbeatMs: 10_000, staleMs: 30_000, retryMs: 10_000 };

export interface OwnershipEvents {
  /** This process now raises alerts and writes history: its owner stopped, or crashed and went stale. */
  gained(): void;
  /**
   * Another process took the claim while this one was suspended past staleness: stop writing and alerting at
   * once, so two processes never do both.
   */
  lost(): void;
}

/**
 * One process at a time owns polling side effects for a data dir: delivering alerts, saving alert state, writing
 * and compacting history. The desktop app, `watch` and `serve` each claim it; a second one reads only, rather than
 * deliver every alert twice, and keeps trying, so it takes over when the owner exits or crashes. When no lock can
 * be made at all (a full or read-only disk), this process monitors without one: alerts still reach the person,
 * and the failing writes say why as before.
 */
export class MonitorOwnership {
  private release: (() => Promise<void>) | null = null;
  private owning = false;
  private retryTimer: unknown = null;
  private stopped = false;
  private events: OwnershipEvents | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly timing: ClaimTiming,
  ) {}

  /** Tries the claim once, now: the caller knows before it starts whether it owns. */
  static async open(dataDir: string, clock: Clock, timing = CLAIM_TIMING): Promise<MonitorOwnership> {
    const ownership = new MonitorOwnership(dataDir, clock, timing);
    await ownership.tryClaim();
    return ownership;
  }

  get owner(): boolean {
    return this.owning;
  }

  /** From now on a read-only process tries again, and says when it gains or loses the claim. */
  follow(events: OwnershipEvents): void {
    this.events = events;
    if (!this.owning) this.scheduleRetry();
  }

  /** Lets another process take the data dir's monitoring. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clock.clearTimer(this.retryTimer);
    const release = this.release;
    this.release = null;
    this.owning = false;
    await release?.();
  }

  private async tryClaim(): Promise<boolean> {
    const claim = await tryMonitorLock(this.dataDir, this.timing, () => this.compromised());
    if (!claim.claimed) return false;
    this.release = claim.release;
    this.owning = true;
    return true;
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.clock.clearTimer(this.retryTimer);
    this.retryTimer = this.clock.setTimer(() => {
      void this.tryClaim().then((claimed) => {
        if (this.stopped) {
          if (claimed) void this.stop();
          return;
        }
        if (claimed) this.events?.gained();
        else this.scheduleRetry();
      });
    }, this.timing.retryMs);
  }

  private compromised(): void {
    if (!this.owning) return;
    this.owning = false;
    // The claim is another's now: nothing of ours to release.
    this.release = null;
    this.events?.lost();
    this.scheduleRetry();
  }
}

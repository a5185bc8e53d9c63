import type { Account } from '../../../shared/config';
import type { Snapshot } from '../../../shared/model';
import { PointSeries } from '../../../shared/point-series';
import { PROVIDERS } from '../../../shared/providers';
import { OUTLOOK_WINDOW_MS, type Outlook, outlookFor } from '../alerts/outlook';
import type { HttpClient } from '../providers/http';
import type { SnapshotCache } from '../store/cache';
import type { HistoryStore } from '../store/history';
import type { SecretResolver } from '../store/secrets';
import type { Clock } from './clock';
import {
  decideNextPoll,
  type NextCheckReason,
  nextLimitFloorMs,
  refreshOnLook,
  resumeDelays,
  SECOND,
} from './poll-policy';
import { type AccountResult, type LedgerReader, refreshAccount } from './refresh-account';

export const RESUME_SPREAD_MS = 5_000;

export interface MonitorDeps {
  http: HttpClient;
  secrets: SecretResolver;
  cache: SnapshotCache;
  /** Read for each fresh value's outlook: how fast the balance falls decides when to look next. */
  history: Pick<HistoryStore, 'load'>;
  clock: Clock;
  random: () => number;
  /** The stated balances and top-ups of ledger accounts. */
  ledger?: LedgerReader;
}

/** What the monitor tells those who act on polls (history, alerts, the popover); each is awaited in turn. */
export interface MonitorEvents {
  /** A provider answered with a fresh value, before its outlook is read: the history recorder appends it here. */
  answered?(account: Account, snapshot: Snapshot): Promise<void> | void;
  /** After every poll, fresh or failed (a failed one carries the last-known snapshot, stale). */
  result?(result: AccountResult, outlook: Outlook | null, history: PointSeries | null): Promise<void> | void;
}

export type PauseReason = 'suspend' | 'offline' | 'user';

interface Slot {
  account: Account;
  timer: unknown;
  inFlight: Promise<void> | null;
  controller: AbortController | null;
  /** Bumped when a poll starts; a result from an older generation is dropped. */
  generation: number;
  failures: number;
  stopped: string | null;
  /** When the last poll finished (wall ms). */
  lastPollAt: number | null;
  /** No request before this: the provider asked to wait (wall ms). */
  notBefore: number | null;
  /** The next scheduled check and why it is then. */
  next: { at: number; why: NextCheckReason } | null;
  /** What 429s taught: the shortest wait, and when the last one came (wall ms). */
  limitFloorMs: number;
  lastRateLimitedAt: number | null;
}

/**
 * Polls every account on its own schedule. Decisions (when next) are pure functions; this class only
 * keeps the timers, the single flight per account, and the order of effects.
 */
export class Monitor {
  private readonly slots = new Map<string, Slot>();
  private readonly paused = new Set<PauseReason>();
  private running = false;

  constructor(
    accounts: readonly Account[],
    private readonly deps: MonitorDeps,
    private readonly events: MonitorEvents = {},
  ) {
    for (const account of accounts) this.slots.set(account.id, this.newSlot(account));
  }

  private newSlot(account: Account): Slot {
    return {
      account,
      timer: null,
      inFlight: null,
      controller: null,
      generation: 0,
      failures: 0,
      stopped: null,
      lastPollAt: null,
      notBefore: null,
      next: null,
      limitFloorMs: 0,
      lastRateLimitedAt: null,
    };
  }

  start(): void {
    this.running = true;
    this.scheduleSpread([...this.slots.values()]);
  }

  /** Ends every timer and request, and waits for polls to settle. */
  async stop(): Promise<void> {
    this.running = false;
    for (const slot of this.slots.values()) {
      this.deps.clock.clearTimer(slot.timer);
      slot.controller?.abort();
    }
    await this.settled();
  }

  /** Resolves once no poll is in flight. */
  async settled(): Promise<void> {
    for (;;) {
      const pending = [...this.slots.values()]
        .map((s) => s.inFlight)
        .filter((p): p is Promise<void> => p !== null);
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  /** A manual refresh: joins a poll already in flight instead of starting a second one. */
  refresh(accountId?: string): Promise<void> {
    const slots = accountId
      ? [this.slots.get(accountId)].filter((s): s is Slot => !!s)
      : [...this.slots.values()];
    return Promise.all(slots.map((slot) => this.poll(slot, true))).then(() => undefined);
  }

  /**
   * A person opened the popover: every account whose value is older than a minute is asked for now, once (a poll
   * on its way is joined; stopped accounts, a Retry-After and a pause still rule).
   */
  lookedAt(): Promise<void> {
    const now = this.deps.clock.wall().getTime();
    const ids = refreshOnLook(
      [...this.slots.values()].map((slot) => ({
        id: slot.account.id,
        lastPollAt: slot.lastPollAt,
        notBefore: slot.notBefore,
        stopped: slot.stopped !== null,
        inFlight: slot.inFlight !== null,
      })),
      now,
    );
    const slots = ids.map((id) => this.slots.get(id)).filter((s): s is Slot => !!s);
    return Promise.all(slots.map((slot) => this.poll(slot, false))).then(() => undefined);
  }

  /** When an account is checked next and why; null while stopped, paused or not yet scheduled. */
  nextCheck(accountId: string): { at: string; why: NextCheckReason } | null {
    const slot = this.slots.get(accountId);
    if (!slot?.next || slot.stopped !== null || this.isPaused) return null;
    return { at: new Date(slot.next.at).toISOString(), why: slot.next.why };
  }

  pause(reason: PauseReason): void {
    this.paused.add(reason);
    for (const slot of this.slots.values()) this.deps.clock.clearTimer(slot.timer);
  }

  /** Back from sleep or offline: one refresh per account, spread over a few seconds, never a burst. */
  resume(reason: PauseReason): void {
    if (!this.paused.delete(reason) || this.paused.size > 0 || !this.running) return;
    this.scheduleSpread([...this.slots.values()].filter((s) => s.stopped === null));
  }

  get isPaused(): boolean {
    return this.paused.size > 0;
  }

  /** New config: new accounts start, removed ones stop, changed ones start over (a fixed key resumes polling). */
  setAccounts(accounts: readonly Account[]): void {
    const next = new Map(accounts.map((a) => [a.id, a]));
    for (const [id, slot] of this.slots) {
      if (!next.has(id)) {
        this.deps.clock.clearTimer(slot.timer);
        slot.controller?.abort();
        slot.generation++;
        this.slots.delete(id);
      }
    }
    const restart: Slot[] = [];
    for (const account of accounts) {
      const slot = this.slots.get(account.id);
      if (slot && JSON.stringify(slot.account) === JSON.stringify(account)) continue;
      if (slot) {
        this.deps.clock.clearTimer(slot.timer);
        slot.controller?.abort();
        slot.generation++;
      }
      const fresh = this.newSlot(account);
      this.slots.set(account.id, fresh);
      restart.push(fresh);
    }
    if (this.running) this.scheduleSpread(restart);
  }

  /** The key changed: an account stopped for a rejected or missing key starts again. */
  keyChanged(accountId: string): void {
    const slot = this.slots.get(accountId);
    if (!slot) return;
    slot.stopped = null;
    slot.failures = 0;
    if (this.running) this.schedule(slot, 0);
  }

  private scheduleSpread(slots: Slot[]): void {
    const delays = resumeDelays(slots.length, RESUME_SPREAD_MS, this.deps.random);
    slots.forEach((slot, i) => {
      this.schedule(slot, delays[i] ?? 0);
    });
  }

  private schedule(slot: Slot, delayMs: number): void {
    this.deps.clock.clearTimer(slot.timer);
    if (!this.running || this.isPaused) return;
    slot.timer = this.deps.clock.setTimer(() => {
      slot.timer = null;
      void this.poll(slot, false);
    }, delayMs);
  }

  private poll(slot: Slot, manual: boolean): Promise<void> {
    if (slot.inFlight) return slot.inFlight;
    if (!this.running || (this.isPaused && !manual)) return Promise.resolve();
    this.deps.clock.clearTimer(slot.timer);
    const generation = ++slot.generation;
    const controller = new AbortController();
    slot.controller = controller;
    const run = this.runPoll(slot, generation, controller.signal).finally(() => {
      if (slot.inFlight === run) {
        slot.inFlight = null;
        slot.controller = null;
      }
    });
    slot.inFlight = run;
    return run;
  }

  private async runPoll(slot: Slot, generation: number, signal: AbortSignal): Promise<void> {
    const now = () => this.deps.clock.wall();
    const result = await refreshAccount(slot.account, { ...this.deps, now }, signal);
    // A newer poll (or a config change, or stop) superseded this one: its answer is old news.
    if (generation !== slot.generation || !this.running || this.slots.get(slot.account.id) !== slot) return;
    let outlook: Outlook | null = null;
    let history: PointSeries | null = null;
    if (result.error === null && result.snapshot) {
      await this.events.answered?.(slot.account, result.snapshot);
      const { points } = await this.deps.history
        .load(slot.account.id)
        .catch(() => ({ points: PointSeries.empty() }));
      const wall = now().getTime();
      outlook = outlookFor(slot.account, result.snapshot, points.since(wall - OUTLOOK_WINDOW_MS), wall);
      history = points;
    }
    const at = now().getTime();
    const limited = result.error?.kind === 'rate_limited';
    if (limited) slot.lastRateLimitedAt = at;
    slot.limitFloorMs = nextLimitFloorMs(
      slot.limitFloorMs,
      limited,
      slot.lastRateLimitedAt === null ? null : at - slot.lastRateLimitedAt,
    );
    const decision = decideNextPoll({
      error: result.error,
      failures: slot.failures,
      pollSeconds: slot.account.pollSeconds ?? PROVIDERS[slot.account.provider].defaultPollSeconds,
      adaptive: slot.account.adaptive ?? true,
      risks: outlook?.risks ?? [],
      msSinceChange: outlook?.msSinceChange ?? null,
      random: this.deps.random(),
      // A provider whose report changes daily is never asked more often than its own floor, near a level or not.
      limitFloorMs: Math.max(
        slot.limitFloorMs,
        (PROVIDERS[slot.account.provider].minPollSeconds ?? 0) * SECOND,
      ),
    });
    slot.failures = decision.failures;
    slot.lastPollAt = at;
    if (decision.kind === 'stop') {
      slot.stopped = decision.reason;
      slot.next = null;
    } else {
      slot.next = { at: at + decision.delayMs, why: decision.why };
      slot.notBefore = decision.why === 'rate-limited' ? at + decision.delayMs : null;
    }
    // The state shown with this result already says when the next check is.
    await this.events.result?.(result, outlook, history);
    if (decision.kind === 'poll') this.schedule(slot, decision.delayMs);
  }
}

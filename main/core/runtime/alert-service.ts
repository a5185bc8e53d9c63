import type { AlertIntent } from '../../../shared/alerts';
import type { Account, Settings } from '../../../shared/config';
import {
  type AlertState,
  deliver,
  evaluateAccount,
  freshAccountState,
  msUntilQuietEnd,
} from '../alerts/alert-engine';
import type { Outlook } from '../alerts/outlook';
import type { Clock } from '../monitor/clock';
import type { AccountResult } from '../monitor/refresh-account';
import type { AlertStateStore } from '../store/alert-state-store';

export interface AlertServiceDeps {
  store: AlertStateStore;
  clock: Clock;
  /** Read at every use: quiet hours changed while running apply at once. */
  settings: () => Settings | undefined;
  /**
   * False while another process owns this data dir's monitoring: no alert is raised, held or saved here, so
   * nothing is delivered twice. Read at start; `own` and `resign` follow a change.
   */
  owner: () => boolean;
}

export interface AlertServiceEvents {
  /**
   * The alerts about to be delivered, awaited before the alert state is saved: the channels' outbox is written
   * first, so a crash between the two writes sends an alert again at worst, and never loses one.
   */
  durable?(intents: readonly AlertIntent[]): Promise<void>;
  alert?(intent: AlertIntent): void;
  /** The alert state could not be written; alerts go on and the next change tries again. */
  problem?(): void;
}

/**
 * Which alert each poll raises, and when it reaches the person: the alert state (the level each dimension last
 * alerted at, key failures, snoozes), quiet hours with their held alerts, and the state's persistence. The
 * decisions are the alert engine's pure functions; this keeps the state, its timer and the order of effects.
 */
export class AlertService {
  private state: AlertState | null = null;
  private running = false;
  private quietTimer: unknown = null;
  private quietFlush: Promise<void> | null = null;
  /** Whether the state changed since it was last written: most polls change nothing. */
  private dirty = false;
  /** The save queued behind the one running, which every change made before it starts joins. */
  private queuedSave: Promise<void> | null = null;
  private lastSave: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: AlertServiceDeps,
    private readonly events: AlertServiceEvents = {},
  ) {}

  /** Loads the state and delivers what quiet hours held while nothing ran, if they are over. */
  async start(): Promise<void> {
    // Read-only: the state stays unloaded, so no alert is raised, held or saved by this process.
    this.state = this.deps.owner() ? await this.deps.store.load() : null;
    this.running = true;
    await this.route([]);
  }

  /**
   * This process took over the data dir's monitoring: the state the last owner saved is read, and what it held
   * through quiet hours is delivered when they end, here.
   */
  async own(): Promise<void> {
    if (!this.running || this.state) return;
    this.state = await this.deps.store.load();
    await this.route([]);
  }

  /** Another process took the claim: from now on nothing is raised, held or saved here. */
  resign(): void {
    this.state = null;
    this.dirty = false;
    this.deps.clock.clearTimer(this.quietTimer);
  }

  /** Ends the quiet-hours timer and saves the state. */
  async stop(): Promise<void> {
    this.running = false;
    this.deps.clock.clearTimer(this.quietTimer);
    await this.settled();
    if (this.state) await this.save();
  }

  /** Resolves once no held summary is being delivered. */
  async settled(): Promise<void> {
    while (this.quietFlush) await this.quietFlush;
  }

  /** One poll's result: raises the alerts it calls for (or holds them in quiet hours). */
  async evaluate(account: Account, result: AccountResult, outlook: Outlook | null): Promise<void> {
    if (!this.state) return;
    const fresh = result.error === null ? result.snapshot : null;
    const { state, intents } = evaluateAccount(this.state.accounts[account.id], {
      account,
      snapshot: fresh,
      error: result.error,
      daysLeft: outlook?.forecast.daysLeft ?? null,
      burnPerDay: outlook?.forecast.burnPerDay ?? null,
      spike: this.deps.settings()?.spendSpikes === true ? (outlook?.spike ?? null) : null,
      now: this.deps.clock.wall(),
    });
    if (JSON.stringify(state) !== JSON.stringify(this.state.accounts[account.id])) this.dirty = true;
    this.state.accounts[account.id] = state;
    await this.route(intents);
  }

  /** Accounts no longer in the config lose their state, held alerts included (saved with the next change). */
  retain(accountIds: readonly string[]): void {
    if (!this.state) return;
    const keep = new Set(accountIds);
    for (const id of Object.keys(this.state.accounts)) if (!keep.has(id)) this.drop(id);
  }

  /** A removed (or re-pointed) account's state goes, held alerts included, and is saved. */
  async forget(accountId: string): Promise<void> {
    // Not started yet, or another process owns it: the state is only on disk.
    if (!this.state) return this.deps.store.forget(accountId);
    this.drop(accountId);
    this.dirty = true;
    await this.save();
  }

  /** A new key: the rejected-key count starts over, so a key that fails again is said again. */
  keyChanged(accountId: string): void {
    const current = this.state?.accounts[accountId];
    if (!this.state || !current) return;
    this.state.accounts[accountId] = { ...current, authFailures: 0, keyAlerted: false };
    this.dirty = true;
  }

  snoozedUntil(accountId: string): string | null {
    return this.state?.accounts[accountId]?.snoozedUntil ?? null;
  }

  async snooze(accountId: string, until: Date | null): Promise<void> {
    if (!this.state) return;
    const current = this.state.accounts[accountId] ?? freshAccountState();
    this.state.accounts[accountId] = { ...current, snoozedUntil: until ? until.toISOString() : null };
    this.dirty = true;
    await this.save();
  }

  private drop(accountId: string): void {
    if (!this.state) return;
    delete this.state.accounts[accountId];
    this.state.held = this.state.held.filter((h) => h.accountId !== accountId);
  }

  /** Sends (or holds) intents; held ones come out as one summary when quiet hours end, timer or no poll. */
  private async route(intents: AlertIntent[]): Promise<void> {
    if (!this.state) return;
    const now = this.deps.clock.wall();
    const heldBefore = JSON.stringify(this.state.held);
    const routed = deliver(this.state, intents, now, this.deps.settings());
    this.state = routed.state;
    if (intents.length > 0 || JSON.stringify(routed.state.held) !== heldBefore) this.dirty = true;
    if (routed.deliver.length > 0) await this.events.durable?.(routed.deliver);
    // Written before anything is delivered: a crash right after must not deliver it again on restart.
    await this.save();
    for (const intent of routed.deliver) this.events.alert?.(intent);
    this.deps.clock.clearTimer(this.quietTimer);
    const untilEnd = msUntilQuietEnd(now, this.deps.settings());
    if (this.running && this.state.held.length > 0 && untilEnd !== null) {
      this.quietTimer = this.deps.clock.setTimer(() => {
        const flush = this.route([]).finally(() => {
          if (this.quietFlush === flush) this.quietFlush = null;
        });
        this.quietFlush = flush;
      }, untilEnd);
    }
  }

  /**
   * Writes the state when it changed, one save at a time: changes made while one runs join the next, so a burst
   * of polls over many accounts costs a few writes of the whole state rather than one each (which made memory
   * and time grow with the square of the accounts). Resolves once every change made before the call is on disk.
   */
  private save(): Promise<void> {
    if (this.queuedSave) return this.queuedSave;
    const next: Promise<void> = this.lastSave.then(async () => {
      if (this.queuedSave === next) this.queuedSave = null;
      if (!this.dirty || !this.state) return;
      this.dirty = false;
      try {
        await this.deps.store.save(this.state);
      } catch {
        this.dirty = true;
        this.events.problem?.();
      }
    });
    this.queuedSave = next;
    this.lastSave = next;
    return next;
  }
}

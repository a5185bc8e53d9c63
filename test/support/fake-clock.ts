import type { Clock } from '../../main/core/monitor/clock';

/** A clock tests move by hand; `advance` fires due timers in order and lets each poll settle before the next. */
export class FakeClock implements Clock {
  private t = 0;
  /** How far the wall clock has been set away from the monotonic one (a person changing the time). */
  private wallOffset = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(private readonly wallBase: number) {}

  monotonic(): number {
    return this.t;
  }

  wall(): Date {
    return new Date(this.wallBase + this.t + this.wallOffset);
  }

  /** Sets the wall clock back or forward without moving monotonic time, as a person or NTP would. */
  shiftWall(ms: number): void {
    this.wallOffset += ms;
  }

  setTimer(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    // As Node's setTimeout: "When delay is larger than 2147483647 or less than 1, the delay will be set to 1"
    // (nodejs.org/api/timers.html), so code that waits longer must chain timers here too.
    const delay = ms > 2 ** 31 - 1 ? 1 : Math.max(0, ms);
    this.timers.set(id, { at: this.t + delay, callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      let nextId: number | null = null;
      let nextAt = Number.POSITIVE_INFINITY;
      for (const [id, timer] of this.timers) {
        if (timer.at <= target && timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      if (nextId === null) break;
      const timer = this.timers.get(nextId);
      this.timers.delete(nextId);
      this.t = nextAt;
      timer?.callback();
      await settle();
    }
    this.t = target;
  }
}

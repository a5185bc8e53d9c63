/** Time as the monitor sees it: a monotonic clock for waiting, the wall clock only for timestamps. */
export interface Clock {
  /** Monotonic milliseconds: unaffected by the wall clock being set back or forward. */
  monotonic(): number;
  wall(): Date;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  monotonic: () => performance.now(),
  wall: () => new Date(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

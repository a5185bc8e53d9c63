import { ERROR_KINDS } from '../../../shared/error-kinds';
import type { ErrorKind } from '../../../shared/model';
import { MAX_RETRY_AFTER_SECONDS } from '../providers/retry-after';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export const BACKOFF_MIN_MS = 30 * SECOND;
export const BACKOFF_MAX_MS = 30 * MINUTE;
export const PAYMENT_DELAY_MS = 30 * MINUTE;
export const RATE_LIMIT_MAX_MS = MAX_RETRY_AFTER_SECONDS * SECOND;
/** The shortest wait between checks when a level is close: an alert comes within about a minute of a crossing. */
export const ADAPTIVE_FLOOR_MS = 3 * MINUTE;
/** While an account has too little history to say how fast it can fall. */
export const LEARNING_MS = 15 * MINUTE;
/**
 * How many times the most spent in any window of the last week the next check still comes in time for: a burst
 * up to this many times the busiest stretch seen is caught before it crosses a level.
 */
export const SCHEDULE_MARGIN = 3;

export function stopsPolling(kind: ErrorKind): boolean {
  return ERROR_KINDS[kind].stopsPolling;
}

export interface PollOutcome {
  /** null for success. */
  error: { kind: ErrorKind; retryAfterSeconds?: number } | null;
  /** Consecutive failures before this outcome. */
  failures: number;
  /** The longest wait: the account's own `pollSeconds`, else its provider's default. Fixed when not adaptive. */
  pollSeconds: number;
  adaptive: boolean;
  /** Per series (balance, quota): the distance to its next level and the fastest fall of the last week. */
  risks: readonly Risk[];
  /** ms since the balance (or quota) last moved; null when unknown. */
  msSinceChange: number | null;
  /** A number in [0, 1). */
  random: number;
  /** The scheduler's margin, for the bench's sweep; the app uses SCHEDULE_MARGIN. */
  margin?: number;
  /**
   * The shortest wait this account's provider has taught it (a 429 raises it): a rate limit it shares with other
   * accounts is not hit again by a quick run of checks near a level. 0 when none.
   */
  limitFloorMs?: number;
}

/** How long a rate limit's lesson lasts: a day without another 429, and checks may come as often as before. */
export const LIMIT_MEMORY_MS = 24 * HOUR;
const LIMIT_FLOOR_FIRST_MS = 5 * MINUTE;
const LIMIT_FLOOR_MAX_MS = HOUR;

/**
 * The shortest wait after this outcome: a 429 doubles it (from 5 min, up to an hour), as TCP backs off; it is
 * forgotten a day after the last 429 (`msSinceRateLimited`).
 */
export function nextLimitFloorMs(
  floorMs: number,
  rateLimited: boolean,
  msSinceRateLimited: number | null,
): number {
  if (rateLimited) return Math.min(LIMIT_FLOOR_MAX_MS, Math.max(LIMIT_FLOOR_FIRST_MS, 2 * floorMs));
  return msSinceRateLimited !== null && msSinceRateLimited < LIMIT_MEMORY_MS ? floorMs : 0;
}

export interface Risk {
  headroom: number;
  /** What was spent by each moment of the last week (rising); null: too little history to say. */
  spent: readonly { t: number; value: number }[] | null;
}

/** The spend curve's value at t, read between its points as a straight line (flat outside them). */
function spentAt(curve: readonly { t: number; value: number }[], t: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) return 0;
  if (t <= first.t) return first.value;
  if (t >= last.t) return last.value;
  let lo = 0;
  let hi = curve.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((curve[mid] as { t: number }).t <= t) lo = mid;
    else hi = mid;
  }
  const a = curve[lo] as { t: number; value: number };
  const b = curve[hi] as { t: number; value: number };
  return a.value + ((b.value - a.value) * (t - a.t)) / (b.t - a.t);
}

/**
 * The most spent in any window of `windowMs` on the curve; for a window longer than the curve, what the curve's
 * busiest stretch would spend at its pace. The busiest window of a rising line has an end on one of its points.
 */
export function mostSpentIn(curve: readonly { t: number; value: number }[], windowMs: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last || last.t <= first.t) return 0;
  const span = last.t - first.t;
  if (windowMs >= span) return ((last.value - first.value) * windowMs) / span;
  let most = 0;
  for (const p of curve) {
    most = Math.max(most, spentAt(curve, p.t + windowMs) - p.value, p.value - spentAt(curve, p.t - windowMs));
  }
  return most;
}

/**
 * Why the next check is when it is, in terms a person is told: near a level (sooner), nothing moving for hours
 * (later), the steady interval, or the provider's own terms (a backoff, a rate limit, out of credit).
 */
export type NextCheckReason =
  | 'near-level'
  | 'learning'
  | 'idle'
  | 'steady'
  | 'backoff'
  | 'rate-limited'
  | 'payment';

export type PollDecision =
  | { kind: 'poll'; delayMs: number; failures: number; reason: string; why: NextCheckReason }
  | { kind: 'stop'; failures: number; reason: string };

/** Exponential from 30 s, doubling per failure, capped at 30 min. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * Jitter keeps many accounts (and many users) from polling in lock-step: ±10 % on a steady cadence, and up to
 * +50 % on a backoff, never shorter than the computed wait.
 */
function jitter(ms: number, random: number, spread: number): number {
  return Math.round(ms * (1 + spread * (2 * random - 1)));
}

/**
 * The normal interval, from what could happen rather than from the average: the next check comes when the
 * fastest fall of the last week, times a margin, could reach the next level, never sooner than a minute and never
 * later than `pollSeconds` (the person's own ceiling, or the provider's default). A rate that jumped shows in the
 * last interval at once, so the check after it comes sooner. Too little history: every quarter hour until there
 * is some. Not adaptive: `pollSeconds`, always.
 */
export function steadyIntervalMs(
  o: Pick<PollOutcome, 'pollSeconds' | 'adaptive' | 'risks' | 'msSinceChange' | 'margin' | 'limitFloorMs'>,
): number {
  return steadyInterval(o).ms;
}

function steadyInterval(
  o: Pick<PollOutcome, 'pollSeconds' | 'adaptive' | 'risks' | 'msSinceChange' | 'margin' | 'limitFloorMs'>,
): { ms: number; why: NextCheckReason } {
  const ceiling = o.pollSeconds * SECOND;
  if (!o.adaptive) return { ms: ceiling, why: 'steady' };
  const margin = o.margin ?? SCHEDULE_MARGIN;
  let ms = ceiling;
  let why: NextCheckReason = o.msSinceChange !== null && o.msSinceChange >= 2 * HOUR ? 'idle' : 'steady';
  for (const risk of o.risks) {
    if (risk.spent === null) {
      if (LEARNING_MS < ms) [ms, why] = [LEARNING_MS, 'learning'];
      continue;
    }
    const reach = reachMs(risk.spent, risk.headroom / margin, ms);
    if (reach < ms) [ms, why] = [reach, 'near-level'];
  }
  const floor = Math.min(Math.max(ADAPTIVE_FLOOR_MS, o.limitFloorMs ?? 0), ceiling);
  return { ms: Math.round(Math.max(floor, ms)), why };
}

/**
 * The longest wait, up to `limitMs`, in which the most ever spent in a window that long stays within `budget`:
 * a binary search, since a longer window never holds less.
 */
function reachMs(curve: readonly { t: number; value: number }[], budget: number, limitMs: number): number {
  if (mostSpentIn(curve, limitMs) <= budget) return limitMs;
  let lo = 0;
  let hi = limitMs;
  while (hi - lo > SECOND) {
    const mid = (lo + hi) / 2;
    if (mostSpentIn(curve, mid) <= budget) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function decideNextPoll(o: PollOutcome): PollDecision {
  if (o.error === null) {
    const interval = steadyInterval(o);
    return {
      kind: 'poll',
      delayMs: Math.max(2 * SECOND, jitter(interval.ms, o.random, 0.1)),
      failures: 0,
      reason: 'ok',
      why: interval.why,
    };
  }
  const failures = o.failures + 1;
  const { kind } = o.error;
  if (stopsPolling(kind)) return { kind: 'stop', failures, reason: kind };
  if (kind === 'payment') {
    return {
      kind: 'poll',
      delayMs: jitter(PAYMENT_DELAY_MS, o.random, 0.1),
      failures,
      reason: kind,
      why: 'payment',
    };
  }
  const backoff = backoffMs(failures);
  // Rate-limited, or any answer that says when to come back (a 503 with Retry-After).
  if (kind === 'rate_limited' || o.error.retryAfterSeconds !== undefined) {
    const asked = (o.error.retryAfterSeconds ?? 0) * SECOND;
    const wait = Math.min(RATE_LIMIT_MAX_MS, Math.max(asked, backoff));
    // Jitter only ever adds here: a request before Retry-After ends would be refused again.
    return {
      kind: 'poll',
      delayMs: Math.min(RATE_LIMIT_MAX_MS, wait + Math.round(wait * 0.25 * o.random)),
      failures,
      reason: kind,
      why: 'rate-limited',
    };
  }
  return {
    kind: 'poll',
    delayMs: Math.round(backoff * (1 + 0.5 * o.random)),
    failures,
    reason: kind,
    why: 'backoff',
  };
}

/** How old a value may be when a person looks before it is asked for again: a minute. */
export const LOOK_FRESH_MS = MINUTE;

/** One account, as "fresh when looked at" sees it. */
export interface LookCandidate {
  id: string;
  /** When its last poll finished (wall ms); null when it has none yet. */
  lastPollAt: number | null;
  /** No request before this (a Retry-After, a rate limit, out of credit); null when free to ask. */
  notBefore: number | null;
  stopped: boolean;
  inFlight: boolean;
}

/**
 * The accounts to refresh because a person just looked: those whose value is older than a minute, unless polling
 * them is stopped (a rejected key), a poll is already on its way, or the provider asked to wait.
 */
export function refreshOnLook(candidates: readonly LookCandidate[], now: number): string[] {
  return candidates
    .filter(
      (c) =>
        !c.stopped &&
        !c.inFlight &&
        (c.notBefore === null || c.notBefore <= now) &&
        (c.lastPollAt === null || now - c.lastPollAt > LOOK_FRESH_MS),
    )
    .map((c) => c.id);
}

/** After sleep or a network change: one refresh per account, spread evenly over `spreadMs`, never a burst. */
export function resumeDelays(count: number, spreadMs: number, random: () => number): number[] {
  if (count === 0) return [];
  const slot = spreadMs / count;
  return Array.from({ length: count }, (_, i) => Math.round(i * slot + random() * slot * 0.5));
}

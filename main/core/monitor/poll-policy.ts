import type { ErrorKind } from '../../../shared/model';
import { MAX_RETRY_AFTER_SECONDS } from '../providers/retry-after';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export const BACKOFF_MIN_MS = 30 * SECOND;
export const BACKOFF_MAX_MS = 30 * MINUTE;
export const PAYMENT_DELAY_MS = 30 * MINUTE;
export const RATE_LIMIT_MAX_MS = MAX_RETRY_AFTER_SECONDS * SECOND;
export const ADAPTIVE_MAX_MS = 30 * MINUTE;
export const ADAPTIVE_FAST_MS = MINUTE;

/** Errors a retry cannot fix: polling that account stops until its key or config changes. */
const STOPPING: ReadonlySet<ErrorKind> = new Set(['auth', 'forbidden', 'config', 'no_credentials']);

export function stopsPolling(kind: ErrorKind): boolean {
  return STOPPING.has(kind);
}

export interface PollOutcome {
  /** null for success. */
  error: { kind: ErrorKind; retryAfterSeconds?: number } | null;
  /** Consecutive failures before this outcome. */
  failures: number;
  pollSeconds: number;
  adaptive: boolean;
  /** Forecast: ms until the balance is expected to cross its next threshold (or zero); null when unknown. */
  msToNextCrossing: number | null;
  /** ms since the balance (or quota) last moved; null when unknown. */
  msSinceChange: number | null;
  /** A number in [0, 1). */
  random: number;
}

/**
 * Why the next check is when it is, in terms a person is told: near a level (sooner), nothing moving for hours
 * (later), the steady interval, or the provider's own terms (a backoff, a rate limit, out of credit).
 */
export type NextCheckReason = 'near-level' | 'idle' | 'steady' | 'backoff' | 'rate-limited' | 'payment';

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
 * The normal interval: `pollSeconds`, shortened when a crossing is near (to a quarter of the time left, so an
 * alert comes within a quarter of the remaining runway, but never below min(60 s, pollSeconds)), lengthened when
 * nothing has moved for hours (one more interval per idle hour, up to 30 min).
 */
export function steadyIntervalMs(
  o: Pick<PollOutcome, 'pollSeconds' | 'adaptive' | 'msToNextCrossing' | 'msSinceChange'>,
): number {
  return steadyInterval(o).ms;
}

function steadyInterval(
  o: Pick<PollOutcome, 'pollSeconds' | 'adaptive' | 'msToNextCrossing' | 'msSinceChange'>,
): { ms: number; why: NextCheckReason } {
  const base = o.pollSeconds * SECOND;
  if (!o.adaptive) return { ms: base, why: 'steady' };
  if (o.msToNextCrossing !== null) {
    const fastest = Math.min(ADAPTIVE_FAST_MS, base);
    const quarter = o.msToNextCrossing / 4;
    if (quarter < base) return { ms: Math.max(fastest, Math.round(quarter)), why: 'near-level' };
  }
  if (o.msSinceChange !== null && o.msSinceChange >= 2 * HOUR) {
    const idleHours = Math.floor(o.msSinceChange / HOUR);
    const ms = Math.max(base, Math.min(ADAPTIVE_MAX_MS, base * idleHours));
    return { ms, why: ms > base ? 'idle' : 'steady' };
  }
  return { ms: base, why: 'steady' };
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

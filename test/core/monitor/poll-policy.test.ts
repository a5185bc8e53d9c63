import { describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  decideNextPoll,
  HOUR,
  MINUTE,
  type PollOutcome,
  RATE_LIMIT_MAX_MS,
  refreshOnLook,
  resumeDelays,
  SECOND,
  steadyIntervalMs,
} from '../../../main/core/monitor/poll-policy';

const base: PollOutcome = {
  error: null,
  failures: 0,
  pollSeconds: 300,
  adaptive: true,
  msToNextCrossing: null,
  msSinceChange: null,
  random: 0.5,
};

describe('poll policy', () => {
  it.each([['auth'], ['forbidden'], ['config'], ['no_credentials']] as const)(
    '%s stops polling until the key or config changes',
    (kind) => {
      expect(decideNextPoll({ ...base, error: { kind } })).toMatchObject({
        kind: 'stop',
        reason: kind,
        failures: 1,
      });
    },
  );

  it('a 503 that says when to come back (Retry-After) waits that long, not the short backoff', () => {
    const next = decideNextPoll({ ...base, error: { kind: 'server', retryAfterSeconds: 600 } });
    expect(next.kind === 'poll' && next.delayMs).toBeGreaterThanOrEqual(600 * 1000);
    const plain = decideNextPoll({ ...base, error: { kind: 'server' } });
    expect(plain.kind === 'poll' && plain.delayMs).toBeLessThan(60 * 1000);
  });

  it('payment slows to 30 min', () => {
    expect(decideNextPoll({ ...base, error: { kind: 'payment' } })).toMatchObject({
      kind: 'poll',
      delayMs: 30 * MINUTE,
    });
  });

  it.each(['network', 'timeout', 'server', 'bad_response', 'not_found'] as const)(
    '%s backs off exponentially from 30 s to 30 min',
    (kind) => {
      const delays = [0, 1, 2, 3, 4, 5, 6, 7, 10].map(
        (failures) =>
          (decideNextPoll({ ...base, error: { kind }, failures, random: 0 }) as { delayMs: number }).delayMs,
      );
      expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800, 1800].map((s) => s * SECOND));
      const jittered = decideNextPoll({ ...base, error: { kind }, failures: 9, random: 0.99 });
      expect((jittered as { delayMs: number }).delayMs).toBeLessThanOrEqual(BACKOFF_MAX_MS * 1.5);
    },
  );

  it('success resets the failure count', () => {
    expect(decideNextPoll({ ...base, failures: 6 })).toMatchObject({
      kind: 'poll',
      failures: 0,
      delayMs: 300 * SECOND,
    });
  });

  it.each([
    [3, 0, 30],
    [3, 4, 240],
    [7200, 0, 7200],
    [10 * 86_400, 0, 6 * 3600],
    [0, 0, 30],
  ])(
    'rate-limited with Retry-After %d s after %d failures waits at least %d s, never a request before it ends',
    (retryAfterSeconds, failures, atLeast) => {
      for (const random of [0, 0.5, 0.999]) {
        const d = decideNextPoll({
          ...base,
          error: { kind: 'rate_limited', retryAfterSeconds },
          failures,
          random,
        });
        expect(d.kind).toBe('poll');
        const { delayMs } = d as { delayMs: number };
        expect(delayMs).toBeGreaterThanOrEqual(atLeast * SECOND);
        expect(delayMs).toBeLessThanOrEqual(RATE_LIMIT_MAX_MS);
      }
    },
  );

  it.each([
    ['fixed cadence ignores the forecast', { adaptive: false, msToNextCrossing: 1000 }, 300 * SECOND],
    ['crossing far away', { msToNextCrossing: 10 * HOUR }, 300 * SECOND],
    ['crossing in 8 min: a quarter of it', { msToNextCrossing: 8 * MINUTE }, 2 * MINUTE],
    ['crossing in 1 min: never below 60 s', { msToNextCrossing: MINUTE }, MINUTE],
    ['crossing now with pollSeconds 30: 30 s', { msToNextCrossing: 0, pollSeconds: 30 }, 30 * SECOND],
    ['idle 1 h: unchanged', { msSinceChange: HOUR }, 300 * SECOND],
    ['idle 3 h: 3 intervals', { msSinceChange: 3 * HOUR }, 900 * SECOND],
    ['idle for days: 30 min at most', { msSinceChange: 100 * HOUR }, 30 * MINUTE],
    [
      'idle, but a crossing is near: the crossing wins',
      { msSinceChange: 100 * HOUR, msToNextCrossing: 8 * MINUTE },
      2 * MINUTE,
    ],
    ['long pollSeconds is never shortened by idleness', { pollSeconds: 3600, msSinceChange: 5 * HOUR }, HOUR],
  ])('%s', (_name, change, expected) => {
    expect(steadyIntervalMs({ ...base, ...change })).toBe(expected);
  });

  it('steady cadence has ±10 % jitter', () => {
    const low = decideNextPoll({ ...base, random: 0 }) as { delayMs: number };
    const high = decideNextPoll({ ...base, random: 0.999 }) as { delayMs: number };
    expect(low.delayMs).toBe(270 * SECOND);
    expect(high.delayMs).toBeGreaterThan(329 * SECOND);
    expect(high.delayMs).toBeLessThanOrEqual(330 * SECOND);
  });

  it('resume spreads refreshes evenly over the window, in order, never together', () => {
    let i = 0;
    const randoms = [0.9, 0.1, 0.5, 0.0];
    const delays = resumeDelays(4, 4000, () => randoms[i++] ?? 0);
    expect(delays).toEqual([450, 1050, 2250, 3000]);
    expect(resumeDelays(0, 4000, Math.random)).toEqual([]);
  });
});

describe('fresh when looked at', () => {
  const NOW = 1_000_000_000;
  const base = { lastPollAt: NOW - 2 * MINUTE, notBefore: null, stopped: false, inFlight: false };
  it.each([
    ['older than a minute', base, true],
    ['never polled', { ...base, lastPollAt: null }, true],
    ['30 s old', { ...base, lastPollAt: NOW - 30 * SECOND }, false],
    ['exactly a minute old', { ...base, lastPollAt: NOW - MINUTE }, false],
    ['inside a Retry-After', { ...base, notBefore: NOW + 1 }, false],
    ['a Retry-After just over', { ...base, notBefore: NOW }, true],
    ['stopped (key rejected)', { ...base, stopped: true }, false],
    ['a poll already on its way', { ...base, inFlight: true }, false],
  ])('%s', (_name, candidate, refreshed) => {
    expect(refreshOnLook([{ id: 'a', ...candidate }], NOW)).toEqual(refreshed ? ['a'] : []);
  });
});

describe('why the next check is when it is', () => {
  const outcome = {
    error: null,
    failures: 0,
    pollSeconds: 300,
    adaptive: true,
    msToNextCrossing: null,
    msSinceChange: null,
    random: 0.5,
  };
  it.each([
    ['steady', outcome, 'steady'],
    ['near a level', { ...outcome, msToNextCrossing: 10 * MINUTE }, 'near-level'],
    ['idle for hours', { ...outcome, msSinceChange: 5 * HOUR }, 'idle'],
    [
      'a fixed cadence is steady even when idle',
      { ...outcome, adaptive: false, msSinceChange: 5 * HOUR },
      'steady',
    ],
    ['a 503', { ...outcome, error: { kind: 'server' as const } }, 'backoff'],
    [
      'a 429',
      { ...outcome, error: { kind: 'rate_limited' as const, retryAfterSeconds: 60 } },
      'rate-limited',
    ],
    ['out of credit', { ...outcome, error: { kind: 'payment' as const } }, 'payment'],
  ])('%s', (_name, o, why) => {
    const decision = decideNextPoll(o);
    expect(decision.kind === 'poll' ? decision.why : null).toBe(why);
  });
});

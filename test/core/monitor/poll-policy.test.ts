import { describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  decideNextPoll,
  HOUR,
  MINUTE,
  mostSpentIn,
  nextLimitFloorMs,
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
  risks: [],
  msSinceChange: null,
  random: 0.5,
};

/** A spend curve: `perHour` spent steadily for `hours`, ending now (t = 0). */
const steady = (perHour: number, hours: number) =>
  Array.from({ length: hours + 1 }, (_, i) => ({ t: (i - hours) * HOUR, value: i * perHour }));

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
    [
      'fixed cadence ignores every risk',
      { adaptive: false, risks: [{ headroom: 1, spent: steady(100, 24) }] },
      300 * SECOND,
    ],
    ['no level below: the longest wait', { pollSeconds: 7200 }, 2 * HOUR],
    [
      'nothing spent all week: the longest wait',
      { pollSeconds: 7200, risks: [{ headroom: 500, spent: steady(0, 48) }] },
      2 * HOUR,
    ],
    // 100 an hour at most, margin 3: 3000 away is ten hours at three times the busiest pace, so the ceiling wins.
    [
      'far from the level',
      { pollSeconds: 7200, risks: [{ headroom: 3000, spent: steady(100, 48) }] },
      2 * HOUR,
    ],
    // 150 away: three times 100 an hour reaches it in 30 min.
    [
      'near the level: when three times the busiest pace could reach it',
      { pollSeconds: 7200, risks: [{ headroom: 150, spent: steady(100, 48) }] },
      30 * MINUTE,
    ],
    [
      'at the level: never sooner than 3 min',
      { pollSeconds: 7200, risks: [{ headroom: 1, spent: steady(100, 48) }] },
      3 * MINUTE,
    ],
    [
      'a pollSeconds shorter than the floor is kept',
      { pollSeconds: 60, risks: [{ headroom: 1, spent: steady(100, 48) }] },
      MINUTE,
    ],
    [
      'too little history: every quarter hour',
      { pollSeconds: 7200, risks: [{ headroom: 3000, spent: null }] },
      15 * MINUTE,
    ],
    [
      'a 429 taught a longer floor',
      { pollSeconds: 7200, limitFloorMs: 10 * MINUTE, risks: [{ headroom: 1, spent: steady(100, 48) }] },
      10 * MINUTE,
    ],
    [
      'the nearest of balance and quota wins',
      {
        pollSeconds: 7200,
        risks: [
          { headroom: 3000, spent: steady(100, 48) },
          { headroom: 30, spent: steady(10, 48) },
        ],
      },
      HOUR,
    ],
  ])('%s', (_name, change, expected) => {
    expect(steadyIntervalMs({ ...base, ...change })).toBe(expected);
  });

  it('a burst shows at once: one busy hour in a quiet week brings the next check much sooner', () => {
    const quiet = steady(10, 47).map((p) => ({ ...p, t: p.t - HOUR }));
    const burst = [...quiet, { t: 0, value: 470 + 400 }];
    const risk = { headroom: 900 };
    expect(steadyIntervalMs({ ...base, pollSeconds: 7200, risks: [{ ...risk, spent: quiet }] })).toBe(
      2 * HOUR,
    );
    // 900 away, margin 3: no window may hold more than 300; the busy hour spent 400, so 45 min.
    const after = steadyIntervalMs({ ...base, pollSeconds: 7200, risks: [{ ...risk, spent: burst }] });
    expect(Math.abs(after - 45 * MINUTE)).toBeLessThanOrEqual(2 * SECOND);
  });

  it('the most spent in a window: read between points, and at the busiest pace beyond the curve', () => {
    const curve = [
      { t: 0, value: 0 },
      { t: HOUR, value: 10 },
      { t: 2 * HOUR, value: 70 },
      { t: 4 * HOUR, value: 80 },
    ];
    expect(mostSpentIn(curve, HOUR)).toBe(60);
    expect(mostSpentIn(curve, 30 * MINUTE)).toBe(30);
    expect(mostSpentIn(curve, 2 * HOUR)).toBe(70);
    expect(mostSpentIn(curve, 8 * HOUR)).toBe(160);
    expect(mostSpentIn([{ t: 0, value: 0 }], HOUR)).toBe(0);
  });

  it('a 429 doubles the shortest wait from 5 min up to an hour, and a day without one forgets it', () => {
    expect(nextLimitFloorMs(0, true, 0)).toBe(5 * MINUTE);
    expect(nextLimitFloorMs(5 * MINUTE, true, 0)).toBe(10 * MINUTE);
    expect(nextLimitFloorMs(40 * MINUTE, true, 0)).toBe(HOUR);
    expect(nextLimitFloorMs(10 * MINUTE, false, 23 * HOUR)).toBe(10 * MINUTE);
    expect(nextLimitFloorMs(10 * MINUTE, false, 25 * HOUR)).toBe(0);
    expect(nextLimitFloorMs(0, false, null)).toBe(0);
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
    risks: [],
    msSinceChange: null,
    random: 0.5,
  };
  it.each([
    ['steady', outcome, 'steady'],
    ['near a level', { ...outcome, risks: [{ headroom: 5, spent: steady(100, 48) }] }, 'near-level'],
    [
      'still learning',
      { ...outcome, risks: [{ headroom: 5000, spent: null }], pollSeconds: 7200 },
      'learning',
    ],
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

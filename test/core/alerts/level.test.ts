import { describe, expect, it } from 'vitest';
import { exitCodeFor, isCurrent, levelOf, levelReason, staleLimitMs } from '../../../main/core/alerts/level';
import { translatorFor } from '../../../shared/i18n/catalogs';
import type { Level, Quota, Snapshot } from '../../../shared/model';
import { say } from '../../support/english';
import { asIs } from '../../support/said';

const snap = (remaining: number | null, percents: number[] = []): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas: percents.map(
    (percentUsed, i): Quota => ({
      metric: `m${i}`,
      name: `M${i}`,
      used: percentUsed,
      included: 100,
      unit: 'x',
      percentUsed,
    }),
  ),
  usedThisPeriod: null,
  usage: [],
  fetchedAt: '2026-11-22T00:00:00.000Z',
  extras: {},
});

describe('level', () => {
  it.each([
    ['no data', null, null, {}, 'unknown'],
    ['no data but a payment error', null, 'payment', {}, 'empty'],
    ['zero', snap(0), null, {}, 'empty'],
    ['negative', snap(-4), null, {}, 'empty'],
    ['plenty, no thresholds', snap(10), null, {}, 'ok'],
    ['below warn', snap(99), null, { warnBelow: 100 }, 'warning'],
    ['at warn is not below', snap(100), null, { warnBelow: 100 }, 'ok'],
    ['below critical', snap(9), null, { warnBelow: 100, criticalBelow: 10 }, 'critical'],
    ['quota 79.9 %', snap(null, [79.9]), null, {}, 'ok'],
    ['quota 80 %', snap(null, [80]), null, {}, 'warning'],
    ['quota 95 %', snap(null, [10, 95]), null, {}, 'critical'],
    ['custom percents', snap(null, [95]), null, { warnPercent: 90, criticalPercent: 99 }, 'warning'],
    ['balance ok but quota critical', snap(500, [97]), null, { warnBelow: 100 }, 'critical'],
    ['stale data with an auth error keeps its level', snap(5), 'auth', { warnBelow: 10 }, 'warning'],
  ] as const)('%s → %s', (_name, snapshot, kind, alerts, expected) => {
    const error = kind ? { kind, message: asIs('x') } : null;
    expect(levelOf(snapshot, error, alerts)).toBe(expected);
  });

  it.each([
    ['no levels, 30 days left', snap(500), {}, 30, 'ok', null],
    ['no levels, 6 days left', snap(500), {}, 6, 'warning', 'runs out in about 6 days at the recent pace'],
    [
      'no levels, half a day left',
      snap(500),
      {},
      0.5,
      'critical',
      'runs out in less than a day at the recent pace',
    ],
    ['no levels, no forecast yet', snap(500), {}, null, 'ok', null],
    // The person's own level decides: a runway would second-guess it.
    ['a warning level of their own, 3 days left', snap(500), { warnBelow: 100 }, 3, 'ok', null],
    // A quota resets: it has no runway to run out.
    ['a quota, 3 days left', snap(null, [10]), {}, 3, 'ok', null],
  ] as const)('a balance with %s is %s', (_name, snapshot, alerts, daysLeft, level, reason) => {
    const outlook = { daysLeft, quotaPercentAtEnd: null };
    expect(levelOf(snapshot, null, alerts, true, outlook)).toBe(level);
    const why = levelReason(snapshot, null, alerts, outlook);
    expect(why ? say(why) : null).toBe(reason);
  });

  it('a full quota is named in the reader’s words when the name is ours, as the provider wrote it when not', () => {
    const quota = (name: string): Snapshot => ({
      ...snap(null, [99.8]),
      quotas: [{ ...(snap(null, [99.8]).quotas[0] as Quota), name }],
    });
    const why = (name: string) => levelReason(quota(name), null, {}) ?? asIs('');
    expect(translatorFor('de').say(why('credits'))).toBe('Credits zu 99,8 % verbraucht');
    expect(translatorFor('zh').say(why('API calls'))).toBe('API 调用 已用 99.8%');
    expect(translatorFor('de').say(why('Storage'))).toBe('Storage zu 99,8 % verbraucht');
  });

  it.each([
    ['103 %', 103, 'warning', 'quota expected at 103% by the end of the period'],
    ['exactly 100 %', 100, 'warning', 'quota expected at 100% by the end of the period'],
    ['99 %', 99, 'ok', null],
    ['not known', null, 'ok', null],
  ] as const)(
    'a quota at 40 %% now, expected at %s by the end of its period, is %s',
    (_n, atEnd, level, reason) => {
      const outlook = { daysLeft: null, quotaPercentAtEnd: atEnd };
      expect(levelOf(snap(null, [40]), null, {}, true, outlook)).toBe(level);
      const why = levelReason(snap(null, [40]), null, {}, outlook);
      expect(why ? say(why) : null).toBe(reason);
    },
  );

  it.each([
    [[], 0],
    [['ok', 'ok'], 0],
    [['ok', 'warning'], 1],
    [['warning', 'critical'], 2],
    [['empty', 'ok'], 2],
    [['warning', 'unknown'], 3],
    // Critical outranks unknown (the monitoring-plugin convention): an empty account is never hidden by another
    // account that could not be read.
    [['critical', 'unknown', 'warning'], 2],
    [['empty', 'unknown'], 2],
  ] as [Level[], number][])('exit code for %j is %d', (levels, code) => {
    expect(exitCodeFor(levels.map((level) => ({ level, current: true })))).toBe(code);
  });

  it('an account whose value is not current counts as unknown, unless it shows critical or empty', () => {
    expect(exitCodeFor([{ level: 'warning', current: false }])).toBe(3);
    expect(exitCodeFor([{ level: 'critical', current: false }])).toBe(2);
    expect(
      exitCodeFor([
        { level: 'ok', current: true },
        { level: 'warning', current: false },
      ]),
    ).toBe(3);
  });

  it.each([
    ['fresh, no error', 0, null, true],
    ['an hour old, provider down', 59, 'server', true],
    ['two hours old, provider down', 120, 'server', false],
    ['fresh but the key was rejected', 0, 'auth', false],
    ['fresh but forbidden', 0, 'forbidden', false],
    ['fresh but the key is missing', 0, 'no_credentials', false],
  ] as const)('current: %s', (_name, ageMinutes, kind, expected) => {
    const now = new Date('2026-11-22T12:00:00Z');
    const snapshot = {
      remaining: 10,
      unit: 'credits',
      quotas: [],
      usedThisPeriod: null,
      usage: [],
      fetchedAt: new Date(now.getTime() - ageMinutes * 60_000).toISOString(),
      extras: {},
    };
    const error = kind ? { kind, message: asIs('x') } : null;
    expect(isCurrent(snapshot, error, now, staleLimitMs(300))).toBe(expected);
    expect(levelOf(snapshot, error, {}, expected)).toBe(expected ? 'ok' : 'unknown');
  });

  it('the staleness limit is six polls, never under an hour', () => {
    expect(staleLimitMs(60)).toBe(3_600_000);
    expect(staleLimitMs(900)).toBe(5_400_000);
  });
});

import { describe, expect, it } from 'vitest';
import { exitCodeFor, levelOf } from '../../../main/core/alerts/level';
import type { Level, Quota, Snapshot } from '../../../shared/model';

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
    const error = kind ? { kind, message: 'x' } : null;
    expect(levelOf(snapshot, error, alerts)).toBe(expected);
  });

  it.each([
    [[], 0],
    [['ok', 'ok'], 0],
    [['ok', 'warning'], 1],
    [['warning', 'critical'], 2],
    [['empty', 'ok'], 2],
    [['critical', 'unknown', 'warning'], 3],
  ] as [Level[], number][])('exit code for %j is %d', (levels, code) => {
    expect(exitCodeFor(levels)).toBe(code);
  });
});

import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../main/core/errors';
import type { HttpClient } from '../../main/core/providers/http';
import { asIs } from '../../test/support/said';
import { demo, demoBalanceAt, demoHistory, demoSeed } from './adapter';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const noNetwork: HttpClient = {
  json: async () => {
    throw new AppFailure('network', asIs('the demo must not use the network'));
  },
};
const account = { id: 'demo', provider: 'demo' as const, label: 'Demo' };
const snapshotAt = async (iso: string, id = 'demo') => {
  const now = new Date(iso);
  const raw = await demo.fetch({ account: { ...account, id }, secret: '', http: noNetwork, now });
  return demo.normalize(raw, now);
};

describe('demo provider', () => {
  it('is deterministic from the account id and the clock, and needs no network', async () => {
    const a = await snapshotAt('2026-11-22T12:00:00Z');
    expect(await snapshotAt('2026-11-22T12:00:00Z')).toEqual(a);
    expect((await snapshotAt('2026-11-22T12:00:00Z', 'other')).remaining).not.toBe(a.remaining);
    expect(a.unit).toBe('credits');
    expect(a.quotas[0]).toMatchObject({ metric: 'apiCalls', included: 60_000 });
    expect(a.extras.plan).toBe('Demo');
  });

  it('burns steadily with a daily rhythm: more by day than by night', () => {
    const seed = demoSeed('demo');
    const day =
      demoBalanceAt(Date.parse('2026-11-05T09:00:00Z'), seed) -
      demoBalanceAt(Date.parse('2026-11-05T15:00:00Z'), seed);
    const night =
      demoBalanceAt(Date.parse('2026-11-05T00:00:00Z'), seed) -
      demoBalanceAt(Date.parse('2026-11-05T06:00:00Z'), seed);
    expect(day).toBeGreaterThan(night * 3);
    const week =
      demoBalanceAt(Date.parse('2026-11-02T00:00:00Z'), seed) -
      demoBalanceAt(Date.parse('2026-11-09T00:00:00Z'), seed);
    expect(week / 7).toBeGreaterThanOrEqual(140);
    expect(week / 7).toBeLessThan(220);
  });

  it('tops up on the 13th and starts each month afresh, with the quota following use', async () => {
    const before = await snapshotAt('2026-11-12T23:00:00Z');
    const after = await snapshotAt('2026-11-13T01:00:00Z');
    expect((after.remaining ?? 0) - (before.remaining ?? 0)).toBeGreaterThan(2400);
    expect(after.extras.purchases).toEqual([{ at: '2026-11-13T00:00:00.000Z', credits: 2500 }]);
    expect(before.extras.purchases).toEqual([]);
    const monthStart = await snapshotAt('2026-12-01T00:30:00Z');
    expect(monthStart.remaining).toBeGreaterThan(3990);
    expect(monthStart.quotas[0]?.percentUsed).toBeLessThan(before.quotas[0]?.percentUsed ?? 0);
  });

  it('comes with a year of history: daily, then hourly for the last 30 days, ordered', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    const points = demoHistory('demo', now);
    expect(points.length).toBeGreaterThan(335 + 30 * 24 - 2);
    expect(points.every((p, i) => i === 0 || (points[i - 1]?.t ?? 0) < p.t)).toBe(true);
    expect(now - (points[0]?.t ?? now)).toBeGreaterThanOrEqual(365 * DAY - DAY);
    expect(now - (points[points.length - 1]?.t ?? 0)).toBeLessThanOrEqual(HOUR);
  });
});

import { describe, expect, it } from 'vitest';
import {
  burnRatePerMs,
  forecastBalance,
  msToNextCrossing,
  projectPercentAtEnd,
  spendCurve,
} from '../../../main/core/alerts/forecast';
import { outlookFor } from '../../../main/core/alerts/outlook';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const daily = (values: number[]) =>
  values.map((value, i) => ({ t: NOW - (values.length - 1 - i) * DAY, value }));

describe('forecast', () => {
  it('a steady 100 a day with 1000 left is 10 days', () => {
    const f = forecastBalance(daily([1500, 1400, 1300, 1200, 1100, 1000]), 1000, NOW);
    expect(f.burnPerDay).toBeCloseTo(100, 6);
    expect(f.daysLeft).toBeCloseTo(10, 6);
    expect(f.emptyAt).toBe('2026-12-02T12:00:00.000Z');
    expect(f.quotaPercentAtEnd).toBeNull();
  });

  it('a top-up is not negative spending', () => {
    const f = forecastBalance(daily([500, 400, 300, 2300, 2200, 2100]), 2100, NOW);
    expect(f.burnPerDay).toBeCloseTo(100, 6);
  });

  it('recent days weigh more than old ones', () => {
    // 10 a day for a week, then 100 a day for three days: the rate leans to the recent pace.
    const values = [2000, 1990, 1980, 1970, 1960, 1950, 1940, 1840, 1740, 1640];
    const rate = (burnRatePerMs(daily(values), NOW) ?? 0) * DAY;
    const unweighted = (2000 - 1640) / (values.length - 1);
    expect(rate).toBeGreaterThan(unweighted);
    expect(rate).toBeLessThan(100);
  });

  it('ignores points older than the 14-day window', () => {
    const old = [{ t: NOW - 30 * DAY, value: 100_000 }];
    expect((burnRatePerMs([...old, ...daily([300, 200, 100])], NOW) ?? 0) * DAY).toBeCloseTo(100, 6);
  });

  it.each([
    ['no points', [], 10],
    ['two points', daily([20, 10]), 10],
    [
      'three points within a minute',
      [0, 20_000, 40_000].map((d, i) => ({ t: NOW - 40_000 + d, value: 30 - i })),
      28,
    ],
    ['only top-ups', daily([10, 20, 30]), 30],
  ])('too little data (%s) is unknown, never a made-up number', (_name, points, remaining) => {
    expect(forecastBalance(points, remaining, NOW)).toEqual({
      burnPerDay: null,
      daysLeft: null,
      emptyAt: null,
      quotaPercentAtEnd: null,
    });
  });

  it('nothing spent: a rate of 0 and no empty date', () => {
    expect(forecastBalance(daily([50, 50, 50]), 50, NOW)).toEqual({
      burnPerDay: 0,
      daysLeft: null,
      emptyAt: null,
      quotaPercentAtEnd: null,
    });
  });

  it('projects a quota to the end of its period', () => {
    const points = daily([10, 20, 30, 40]);
    expect(projectPercentAtEnd(points, NOW + 5 * DAY, NOW)).toBeCloseTo(90, 6);
    expect(projectPercentAtEnd(points, null, NOW)).toBeNull();
    expect(projectPercentAtEnd(daily([40]), NOW + DAY, NOW)).toBeNull();
  });

  it('time to the next level below', () => {
    expect(msToNextCrossing(1000, 1, [0, 500, 800])).toBe(200);
    expect(msToNextCrossing(400, 1, [500, 800])).toBeNull();
    expect(msToNextCrossing(1000, 0, [0])).toBeNull();
    expect(msToNextCrossing(1000, null, [0])).toBeNull();
  });

  it('the outlook projects the highest quota to its period end and says when the next level is near', () => {
    const points = [10, 20, 30, 40].map((p, i) => ({
      t: NOW - (3 - i) * DAY,
      remaining: null,
      used: null,
      maxPercent: p,
    }));
    const snapshot = {
      remaining: null,
      unit: null,
      quotas: [{ metric: 'm', name: 'M', used: 40, included: 100, unit: 'x', percentUsed: 40 }],
      usedThisPeriod: null,
      usage: [],
      fetchedAt: new Date(NOW).toISOString(),
      extras: {
        period: { start: new Date(NOW - 10 * DAY).toISOString(), end: new Date(NOW + 5 * DAY).toISOString() },
      },
    };
    const account = {
      id: 'a',
      provider: 'metered-billing' as const,
      label: 'A',
      baseUrl: 'https://x.example',
    };
    const outlook = outlookFor(account, snapshot, points, NOW);
    expect(outlook.forecast.quotaPercentAtEnd).toBeCloseTo(90, 6);
    // 10 points a day from 40 %: the 80 % warning is 4 days away.
    expect(outlook.msToNextCrossing).toBeCloseTo(4 * DAY, -3);
    expect(outlook.msSinceChange).toBe(0);
  });
});

describe('the spend curve the scheduler reads', () => {
  const H = 3_600_000;
  it('adds up falls, counts a top-up as nothing, and needs two points', () => {
    const now = 100 * H;
    const points = [
      { t: now - 3 * H, value: 100 },
      { t: now - 2 * H, value: 80 },
      { t: now - H, value: 500 },
      { t: now, value: 450 },
    ];
    expect(spendCurve(points, now)).toEqual([
      { t: now - 3 * H, value: 0 },
      { t: now - 2 * H, value: 20 },
      { t: now - H, value: 20 },
      { t: now, value: 70 },
    ]);
    expect(spendCurve(points.slice(-1), now)).toBeNull();
  });

  it("looks back a week and a day, so last week's same hour is still in it", () => {
    const now = 30 * 24 * H;
    const points = [
      { t: now - 9 * 24 * H, value: 1000 },
      { t: now - 7 * 24 * H - H, value: 100 },
      { t: now - H, value: 100 },
      { t: now, value: 90 },
    ];
    expect(spendCurve(points, now)?.map((p) => p.t)).toEqual([now - 7 * 24 * H - H, now - H, now]);
  });
});

import { describe, expect, it } from 'vitest';
import { DAY, HOUR, makeTraces } from '../../bench/traces';
import { forecastBalance } from '../../main/core/alerts/forecast';
import { levelOf } from '../../main/core/alerts/level';
import type { Snapshot } from '../../shared/model';
import { detectTopUps, percentLeftSince } from '../../shared/top-ups';

const r = (t: number, remaining: number | null) => ({ t, remaining });

describe('top-ups told from a balance’s readings', () => {
  it('a rise is a top-up of the rise plus what was reported used in between; a gap makes none', () => {
    expect(
      detectTopUps([r(1, 100), r(2, 90), r(3, 500), r(4, null), r(5, 600), r(6, 480)], [{ t: 3, used: 5 }]),
    ).toEqual([
      { t: 3, amount: 415, after: 500 },
      { t: 5, amount: 100, after: 600 },
    ]);
    expect(detectTopUps([r(1, 100), r(2, null), r(3, 80)])).toEqual([]);
  });

  it('percent left of the last top-up: a meter for a prepaid balance', () => {
    expect(percentLeftSince(250, { after: 1000 })).toBe(25);
    expect(percentLeftSince(1200, { after: 1000 })).toBe(100);
    expect(percentLeftSince(-5, { after: 1000 })).toBe(0);
    expect(percentLeftSince(250, null)).toBeNull();
  });
});

/** A trace read hourly, as the monitor's history would hold it. */
function hourly(balance: (t: number) => number | null, days: number) {
  const points: { t: number; remaining: number | null }[] = [];
  for (let t = 0; t <= days * DAY; t += HOUR) points.push({ t, remaining: balance(t) });
  return points;
}

const snapshotOf = (remaining: number): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas: [],
  usedThisPeriod: null,
  usage: [],
  fetchedAt: new Date(0).toISOString(),
  extras: {},
});

describe("on the bench's traces", () => {
  const traces = makeTraces(7).filter((trace) => trace.balance(0) !== null);

  it('finds the one top-up of the top-up trace (3 000 on day 12) and none in the others', () => {
    for (const trace of traces) {
      const found = detectTopUps(hourly(trace.balance, trace.days));
      if (trace.name === 'top-up') {
        expect(found).toHaveLength(1);
        expect(found[0]?.t).toBe(12 * DAY);
        // The rise, net of the hour's use (about 12 of 300 a day).
        expect(found[0]?.amount).toBeGreaterThan(2970);
        expect(found[0]?.amount).toBeLessThanOrEqual(3000);
      } else expect(found, trace.name).toEqual([]);
    }
  });

  it('with no levels of its own, a steady burn warns a week out and is critical two days out', () => {
    const steady = traces.find((t) => t.name === 'steady burn');
    if (!steady) throw new Error('the bench lost its steady trace');
    const points = hourly(steady.balance, steady.days);
    const firstDay = (level: string) => {
      for (let i = 24; i < points.length; i++) {
        const now = points[i] as { t: number; remaining: number };
        const series = points.slice(0, i + 1).map((p) => ({ t: p.t, value: p.remaining as number }));
        const forecast = forecastBalance(series, now.remaining, now.t);
        const seen = levelOf(snapshotOf(now.remaining), null, {}, true, {
          daysLeft: forecast.daysLeft,
          quotaPercentAtEnd: null,
        });
        if (seen === level) return now.t / DAY;
      }
      return null;
    };
    // About 250 a day from 6 000: a week left at 1 750 (day 17), two days at 500 (day 22).
    expect(firstDay('warning')).toBeGreaterThan(16);
    expect(firstDay('warning')).toBeLessThan(18);
    expect(firstDay('critical')).toBeGreaterThan(21);
    expect(firstDay('critical')).toBeLessThan(23);
  });
});

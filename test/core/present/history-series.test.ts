import { describe, expect, it } from 'vitest';
import { downsample, SPARKLINE_POINTS, sparklineOf } from '../../../main/core/present/history-series';
import type { HistoryPoint } from '../../../shared/model';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
/** A year of hourly points, the balance falling by one an hour, with one deep dip 10 days ago. */
const year: HistoryPoint[] = Array.from({ length: 365 * 24 }, (_, i) => {
  const t = NOW - (365 * 24 - 1 - i) * 3_600_000;
  const dip = Math.abs(t - (NOW - 10 * DAY)) < 1_800_000;
  return { t, remaining: dip ? 5 : 10_000 - i, used: null, maxPercent: null };
});

describe('history series for charts', () => {
  it('a sparkline is the last 30 days in at most its points, keeping a dip', () => {
    const line = sparklineOf(year, NOW);
    expect(line.length).toBeLessThanOrEqual(SPARKLINE_POINTS);
    expect(line.length).toBeGreaterThan(SPARKLINE_POINTS / 2);
    expect(Math.min(...line.map((p) => p.t))).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(line.map((p) => p.remaining)).toContain(5);
    expect(line[line.length - 1]?.t).toBe(NOW);
    expect(Object.keys(line[0] ?? {})).toEqual(['t', 'remaining', 'maxPercent']);
  });

  it('no history, no line; a short one as it is', () => {
    expect(sparklineOf([], NOW)).toEqual([]);
    expect(sparklineOf(year.slice(-3), NOW)).toHaveLength(3);
    expect(downsample(year.slice(-3), 10)).toEqual(year.slice(-3));
  });
});

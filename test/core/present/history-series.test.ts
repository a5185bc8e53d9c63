import { describe, expect, it } from 'vitest';
import { downsample, SPARKLINE_POINTS, sparklineOf } from '../../../main/core/present/history-series';
import type { HistoryPoint } from '../../../shared/model';
import { PointSeries } from '../../../shared/point-series';

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
    const line = sparklineOf(PointSeries.of(year), NOW);
    expect(line.length).toBeLessThanOrEqual(SPARKLINE_POINTS);
    expect(line.length).toBeGreaterThan(SPARKLINE_POINTS / 2);
    expect(Math.min(...line.map((p) => p.t))).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(line.map((p) => p.remaining)).toContain(5);
    expect(line[line.length - 1]?.t).toBe(NOW);
    expect(Object.keys(line[0] ?? {})).toEqual(['t', 'remaining', 'maxPercent']);
  });

  it('no history, no line; a short one as it is', () => {
    expect(sparklineOf(PointSeries.empty(), NOW)).toEqual([]);
    expect(sparklineOf(PointSeries.of(year.slice(-3)), NOW)).toHaveLength(3);
    const series = PointSeries.of(year);
    expect(downsample(series, series.length - 3, series.length, 10)).toEqual(year.slice(-3));
  });

  it('a range is downsampled from its own points only, each bucket keeping its low and high in time order', () => {
    const series = PointSeries.of(year);
    const from = series.firstAtOrAfter(NOW - 20 * DAY);
    const to = series.firstAfter(NOW - 5 * DAY);
    const drawn = downsample(series, from, to, 20);
    expect(drawn.length).toBeLessThanOrEqual(20);
    expect(drawn[0]?.t).toBeGreaterThanOrEqual(NOW - 20 * DAY);
    expect(drawn[drawn.length - 1]?.t).toBeLessThanOrEqual(NOW - 5 * DAY);
    expect(drawn.map((p) => p.remaining)).toContain(5);
    expect(drawn.map((p) => p.t)).toEqual([...drawn.map((p) => p.t)].sort((a, b) => a - b));
  });
});

import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/model';
import { PointSeries } from '../../shared/point-series';

const point = (t: number, remaining: number | null = t, maxPercent: number | null = null): HistoryPoint => ({
  t,
  remaining,
  used: null,
  maxPercent,
});

describe('PointSeries', () => {
  it('keeps points in time order however they arrive, growing as it needs, nulls intact', () => {
    const series = PointSeries.empty();
    const times = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    for (const t of times) series.insert(point(t, t % 3 === 0 ? null : t, t % 5 === 0 ? 12.5 : null));
    expect(series.length).toBe(100);
    const all = series.toArray();
    expect(all.map((p) => p.t)).toEqual([...times].sort((a, b) => a - b));
    expect(all[3]).toEqual({ t: 3, remaining: null, used: null, maxPercent: null });
    expect(all[5]).toEqual({ t: 5, remaining: 5, used: null, maxPercent: 12.5 });
  });

  it('a point at a time already held goes after it, as the later reading', () => {
    const series = PointSeries.of([point(1, 10), point(2, 20)]);
    series.insert(point(1, 11));
    expect(series.toArray().map((p) => p.remaining)).toEqual([10, 11, 20]);
  });

  it('finds by time: first at or after, first after, and the points since', () => {
    const series = PointSeries.of([10, 20, 20, 30].map((t) => point(t)));
    expect([5, 10, 15, 20, 30, 31].map((t) => series.firstAtOrAfter(t))).toEqual([0, 0, 1, 1, 3, 4]);
    expect([5, 10, 20, 30].map((t) => series.firstAfter(t))).toEqual([0, 1, 3, 4]);
    expect(series.since(20).map((p) => p.t)).toEqual([20, 20, 30]);
    expect(PointSeries.empty().since(0)).toEqual([]);
  });

  it('adopted columns are read as they are, and a later insert grows them without losing a value', () => {
    const series = PointSeries.adopt({
      t: Float64Array.of(10, 20),
      remaining: Float64Array.of(1, Number.NaN),
      used: Float64Array.of(Number.NaN, 2),
      maxPercent: Float64Array.of(Number.NaN, 50),
    });
    series.insert(point(15, 7));
    series.insert(point(30, 8));
    expect(series.toArray()).toEqual([
      { t: 10, remaining: 1, used: null, maxPercent: null },
      { t: 15, remaining: 7, used: null, maxPercent: null },
      { t: 20, remaining: null, used: 2, maxPercent: 50 },
      { t: 30, remaining: 8, used: null, maxPercent: null },
    ]);
  });

  it('columns and picks hand back the same values', () => {
    const series = PointSeries.of([point(1, 1.25), point(2, null, 99.5), point(3, 3)]);
    const copy = PointSeries.fromColumns(series.columns());
    expect(copy.toArray()).toEqual(series.toArray());
    expect(
      series
        .pick([0, 2])
        .toArray()
        .map((p) => p.t),
    ).toEqual([1, 3]);
  });
});

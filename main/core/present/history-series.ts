import type { HistoryPoint } from '../../../shared/model';
import type { PointSeries } from '../../../shared/point-series';

/**
 * At most `maxPoints` points from `first` up to `end` (exclusive) for a chart of that many pixels: each bucket keeps
 * its lowest and highest balance (in time order), so a dip or a top-up never disappears when a year is drawn 300 px
 * wide. Only the points kept become objects.
 */
export function downsample(
  series: PointSeries,
  first: number,
  end: number,
  maxPoints: number,
): HistoryPoint[] {
  const count = end - first;
  if (count <= maxPoints) return series.toArray(first, end);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = count / buckets;
  const out: HistoryPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = first + Math.floor(b * size);
    const to = first + Math.floor((b + 1) * size);
    if (from >= to) continue;
    let low = series.at(from);
    let high = low;
    const value = (p: HistoryPoint) => p.remaining ?? p.maxPercent ?? 0;
    for (let i = from + 1; i < to; i++) {
      const p = series.at(i);
      if (value(p) < value(low)) low = p;
      if (value(p) > value(high)) high = p;
    }
    if (low === high) out.push(low);
    else out.push(...(low.t <= high.t ? [low, high] : [high, low]));
  }
  return out;
}

/** Points a sparkline draws: one per 2 px of its 96. */
export const SPARKLINE_POINTS = 48;
const SPARKLINE_RANGE_MS = 30 * 86_400_000;

/** An account's sparkline from its history: the last 30 days, downsampled, values only. */
export function sparklineOf(
  points: PointSeries,
  now: number,
): { t: number; remaining: number | null; maxPercent: number | null }[] {
  const first = points.firstAtOrAfter(now - SPARKLINE_RANGE_MS);
  return downsample(points, first, points.length, SPARKLINE_POINTS).map((p) => ({
    t: p.t,
    remaining: p.remaining,
    maxPercent: p.maxPercent,
  }));
}

import type { HistoryPoint } from '../../../shared/model';

/**
 * At most `maxPoints` points for a chart of that many pixels: each bucket keeps its lowest and highest balance
 * (in time order), so a dip or a top-up never disappears when a year is drawn 300 px wide.
 */
export function downsample(points: readonly HistoryPoint[], maxPoints: number): HistoryPoint[] {
  if (points.length <= maxPoints) return [...points];
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = points.length / buckets;
  const out: HistoryPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (slice.length === 0) continue;
    const value = (p: HistoryPoint) => p.remaining ?? p.maxPercent ?? 0;
    let low = slice[0] as HistoryPoint;
    let high = low;
    for (const p of slice) {
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
  points: readonly HistoryPoint[],
  now: number,
): { t: number; remaining: number | null; maxPercent: number | null }[] {
  const from = now - SPARKLINE_RANGE_MS;
  let first = points.length;
  while (first > 0 && (points[first - 1] as HistoryPoint).t >= from) first--;
  return downsample(points.slice(first), SPARKLINE_POINTS).map((p) => ({
    t: p.t,
    remaining: p.remaining,
    maxPercent: p.maxPercent,
  }));
}

import type { HistoryPoint } from './model';

/** What `PointSeries.fromColumns` takes: equal-length columns in time order, NaN for "no value". */
export interface PointColumns {
  t: ArrayLike<number>;
  remaining: ArrayLike<number>;
  used: ArrayLike<number>;
  maxPercent: ArrayLike<number>;
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);
const orNaN = (v: number | null) => (v === null ? Number.NaN : v);

/**
 * An account's history points as columns of numbers, in time order: a year of them for 20 accounts is four
 * typed arrays each rather than 247,000 objects, so it loads in milliseconds and weighs a few MB. Readers
 * search by time and turn into points only the few they show.
 */
export class PointSeries {
  private t: Float64Array;
  private remaining: Float64Array;
  private used: Float64Array;
  private maxPercent: Float64Array;
  length = 0;

  private constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.remaining = new Float64Array(capacity);
    this.used = new Float64Array(capacity);
    this.maxPercent = new Float64Array(capacity);
  }

  static empty(): PointSeries {
    return new PointSeries(16);
  }

  /**
   * Takes columns made for it (a decoded file) as they are, without a copy: nothing else may hold them. They grow
   * on the next insert.
   */
  static adopt(c: Record<keyof PointColumns, Float64Array>): PointSeries {
    const series = new PointSeries(0);
    series.t = c.t;
    series.remaining = c.remaining;
    series.used = c.used;
    series.maxPercent = c.maxPercent;
    series.length = c.t.length;
    return series;
  }

  static fromColumns(c: PointColumns): PointSeries {
    const n = c.t.length;
    const series = new PointSeries(Math.max(16, n));
    series.t.set(c.t);
    series.remaining.set(c.remaining);
    series.used.set(c.used);
    series.maxPercent.set(c.maxPercent);
    series.length = c.t.length;
    return series;
  }

  /** From points in any order. */
  static of(points: readonly HistoryPoint[]): PointSeries {
    const series = new PointSeries(Math.max(16, points.length));
    for (const p of [...points].sort((a, b) => a.t - b.t)) series.insert(p);
    return series;
  }

  time(i: number): number {
    return this.t[i] as number;
  }

  at(i: number): HistoryPoint {
    return {
      t: this.t[i] as number,
      remaining: orNull(this.remaining[i] as number),
      used: orNull(this.used[i] as number),
      maxPercent: orNull(this.maxPercent[i] as number),
    };
  }

  /** The first index whose time is at or after `t` (the length when none is). */
  firstAtOrAfter(t: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.t[mid] as number) < t) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first index whose time is after `t`. */
  firstAfter(t: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.t[mid] as number) <= t) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Points `from` up to `end` (exclusive) as objects. */
  toArray(from = 0, end = this.length): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    for (let i = Math.max(0, from); i < Math.min(end, this.length); i++) out.push(this.at(i));
    return out;
  }

  /** The points from time `t` on, as objects. */
  since(t: number): HistoryPoint[] {
    return this.toArray(this.firstAtOrAfter(t));
  }

  /** Adds a point in its place by time: after any with the same time, at the end in the usual case. */
  insert(point: HistoryPoint): void {
    if (this.length === this.t.length) this.grow();
    const at = this.firstAfter(point.t);
    for (const column of [this.t, this.remaining, this.used, this.maxPercent])
      column.copyWithin(at + 1, at, this.length);
    this.t[at] = point.t;
    this.remaining[at] = orNaN(point.remaining);
    this.used[at] = orNaN(point.used);
    this.maxPercent[at] = orNaN(point.maxPercent);
    this.length++;
  }

  /** A new series of the points at `indices` (ascending). */
  pick(indices: readonly number[]): PointSeries {
    const series = new PointSeries(Math.max(16, indices.length));
    for (const [k, i] of indices.entries()) {
      series.t[k] = this.t[i] as number;
      series.remaining[k] = this.remaining[i] as number;
      series.used[k] = this.used[i] as number;
      series.maxPercent[k] = this.maxPercent[i] as number;
    }
    series.length = indices.length;
    return series;
  }

  /** The columns as they are, NaN for "no value" (views, valid until the next insert). */
  columns(): PointColumns {
    return {
      t: this.t.subarray(0, this.length),
      remaining: this.remaining.subarray(0, this.length),
      used: this.used.subarray(0, this.length),
      maxPercent: this.maxPercent.subarray(0, this.length),
    };
  }

  private grow(): void {
    const capacity = Math.max(16, this.t.length * 2);
    const bigger = (old: Float64Array) => {
      const column = new Float64Array(capacity);
      column.set(old);
      return column;
    };
    this.t = bigger(this.t);
    this.remaining = bigger(this.remaining);
    this.used = bigger(this.used);
    this.maxPercent = bigger(this.maxPercent);
  }
}

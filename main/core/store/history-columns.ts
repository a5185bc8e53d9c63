import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HistoryPoint, ProviderUsage } from '../../../shared/model';

/**
 * The compacted part of a history file as binary columns (deflated, then base64 in the file's JSON header):
 * a year of points loads in about a millisecond, where the same points as JSON rows take far longer to parse
 * and check. Times are whole seconds as float64 (version 3: uint32 in version 2 wrapped in 2106 and could not
 * hold a time before 1970 from a wrong clock); values float64 (balances keep their cents), percents float32;
 * NaN stands for "no value".
 */
/** What `encodeColumns` takes: one array per column. */
export interface Columns {
  t: number[];
  remaining: (number | null)[];
  used: (number | null)[];
  maxPercent: (number | null)[];
  usageT: number[];
  usageUsed: number[];
}

const nan = (v: number | null) => (v === null ? Number.NaN : v);

export function encodeColumns(c: Columns): string {
  const n = c.t.length;
  const m = c.usageT.length;
  const buffer = new ArrayBuffer(n * (8 + 8 + 8 + 4) + m * (8 + 8));
  let offset = 0;
  const put = <T extends Uint32Array | Float64Array | Float32Array>(
    Type: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number },
    values: number[],
  ) => {
    new Type(buffer, offset, values.length).set(values);
    offset += values.length * Type.BYTES_PER_ELEMENT;
  };
  // Float64 columns first so every typed array sits on an aligned offset.
  put(Float64Array, c.remaining.map(nan));
  put(Float64Array, c.used.map(nan));
  put(Float64Array, c.usageUsed);
  put(Float64Array, c.t);
  put(Float64Array, c.usageT);
  put(Float32Array, c.maxPercent.map(nan));
  return deflateRawSync(Buffer.from(buffer)).toString('base64');
}

function isInfinite(v: number): boolean {
  return v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;
}

/**
 * Points and usage straight from the bytes, in one pass with no intermediate arrays; null when the bytes do not
 * have the announced shape or hold an infinite value (the file is then set aside).
 */
export function decodeColumns(
  data: string,
  points: number,
  usage: number,
  version: 2 | 3 = 3,
): { points: HistoryPoint[]; usage: ProviderUsage[] } | null {
  let bytes: Buffer;
  try {
    bytes = inflateRawSync(Buffer.from(data, 'base64'));
  } catch {
    return null;
  }
  const timeBytes = version === 3 ? 8 : 4;
  if (bytes.length !== points * (20 + timeBytes) + usage * (8 + timeBytes)) return null;
  const buffer = new Uint8Array(bytes).buffer;
  const remaining = new Float64Array(buffer, 0, points);
  const used = new Float64Array(buffer, points * 8, points);
  const usageUsed = new Float64Array(buffer, points * 16, usage);
  let t: Float64Array | Uint32Array;
  let usageT: Float64Array | Uint32Array;
  let maxPercent: Float32Array;
  if (version === 3) {
    t = new Float64Array(buffer, points * 16 + usage * 8, points);
    usageT = new Float64Array(buffer, points * 24 + usage * 8, usage);
    maxPercent = new Float32Array(buffer, points * 24 + usage * 16, points);
  } else {
    t = new Uint32Array(buffer, points * 16 + usage * 8, points);
    maxPercent = new Float32Array(buffer, points * 20 + usage * 8, points);
    usageT = new Uint32Array(buffer, points * 24 + usage * 8, usage);
  }
  const outPoints = new Array<HistoryPoint>(points);
  for (let i = 0; i < points; i++) {
    const r = remaining[i] as number;
    const u = used[i] as number;
    const p = maxPercent[i] as number;
    // NaN is "no value"; any other number must be finite.
    if (isInfinite(r) || isInfinite(u) || isInfinite(p)) return null;
    outPoints[i] = {
      t: (t[i] as number) * 1000,
      remaining: Number.isNaN(r) ? null : r,
      used: Number.isNaN(u) ? null : u,
      maxPercent: Number.isNaN(p) ? null : p,
    };
  }
  const outUsage = new Array<ProviderUsage>(usage);
  for (let i = 0; i < usage; i++) {
    const amount = usageUsed[i] as number;
    if (!Number.isFinite(amount)) return null;
    outUsage[i] = { t: (usageT[i] as number) * 1000, used: amount };
  }
  return { points: outPoints, usage: outUsage };
}

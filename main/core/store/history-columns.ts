import { promisify } from 'node:util';
import type { ProviderUsage } from '../../../shared/model';
import type { PointColumns } from '../../../shared/point-series';

// node:zlib loads on first use: `creditbar status` reads no history, and loading it cost that command 3 ms.
let zlib: Promise<typeof import('node:zlib')> | undefined;
const loadZlib = () => {
  zlib ??= import('node:zlib');
  return zlib;
};
// On libuv's thread pool: the histories of many accounts inflate side by side instead of one after another.
const inflater = () => loadZlib().then((z) => promisify(z.inflateRaw));
let inflate: ReturnType<typeof inflater> | undefined;

/**
 * The compacted part of a history file as binary columns (deflated, then base64 in the file's JSON header):
 * a year of points loads in about a millisecond, where the same points as JSON rows take far longer to parse
 * and check. Times are whole seconds as float64 (version 3: uint32 in version 2 wrapped in 2106 and could not
 * hold a time before 1970 from a wrong clock); values float64 (balances keep their cents), percents float32;
 * NaN stands for "no value".
 */
export async function encodeColumns(points: PointColumns, usage: readonly ProviderUsage[]): Promise<string> {
  const { deflateRawSync } = await loadZlib();
  const n = points.t.length;
  const m = usage.length;
  const buffer = new ArrayBuffer(n * (8 + 8 + 8 + 4) + m * (8 + 8));
  let offset = 0;
  const put = <T extends Float64Array | Float32Array>(
    Type: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number },
    length: number,
    value: (i: number) => number,
  ) => {
    const column = new Type(buffer, offset, length);
    for (let i = 0; i < length; i++) column[i] = value(i);
    offset += length * Type.BYTES_PER_ELEMENT;
  };
  // Float64 columns first so every typed array sits on an aligned offset.
  put(Float64Array, n, (i) => points.remaining[i] as number);
  put(Float64Array, n, (i) => points.used[i] as number);
  put(Float64Array, m, (i) => (usage[i] as ProviderUsage).used);
  put(Float64Array, n, (i) => Math.round((points.t[i] as number) / 1000));
  put(Float64Array, m, (i) => Math.round((usage[i] as ProviderUsage).t / 1000));
  put(Float32Array, n, (i) => points.maxPercent[i] as number);
  return deflateRawSync(Buffer.from(buffer)).toString('base64');
}

function isInfinite(v: number): boolean {
  return v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;
}

/**
 * Points as columns (times in ms) and usage straight from the bytes; null when the bytes do not have the announced
 * shape or hold an infinite value (the file is then set aside).
 */
export async function decodeColumns(
  data: string,
  points: number,
  usage: number,
  version: 2 | 3 = 3,
): Promise<{ points: Record<keyof PointColumns, Float64Array>; usage: ProviderUsage[] } | null> {
  const timeBytes = version === 3 ? 8 : 4;
  const size = points * (20 + timeBytes) + usage * (8 + timeBytes);
  let bytes: Buffer;
  try {
    // One output chunk of the announced size: a fifth faster than zlib's 16 KiB chunks, and a block that inflates
    // to more than it announced stops there instead of filling memory.
    inflate ??= inflater();
    bytes = await (await inflate)(Buffer.from(data, 'base64'), {
      chunkSize: Math.max(64, size),
      maxOutputLength: Math.max(1, size),
    });
  } catch {
    return null;
  }
  if (bytes.length !== size) return null;
  // Typed arrays need aligned offsets: zlib's own buffer is used as it is when it starts on one, copied if not.
  const buffer = bytes.byteOffset % 8 === 0 ? bytes.buffer : new Uint8Array(bytes).buffer;
  const base = bytes.byteOffset % 8 === 0 ? bytes.byteOffset : 0;
  const remaining = new Float64Array(buffer, base, points);
  const used = new Float64Array(buffer, base + points * 8, points);
  const usageUsed = new Float64Array(buffer, base + points * 16, usage);
  let seconds: Float64Array | Uint32Array;
  let usageT: Float64Array | Uint32Array;
  let maxPercent: Float32Array;
  if (version === 3) {
    seconds = new Float64Array(buffer, base + points * 16 + usage * 8, points);
    usageT = new Float64Array(buffer, base + points * 24 + usage * 8, usage);
    maxPercent = new Float32Array(buffer, base + points * 24 + usage * 16, points);
  } else {
    seconds = new Uint32Array(buffer, base + points * 16 + usage * 8, points);
    maxPercent = new Float32Array(buffer, base + points * 20 + usage * 8, points);
    usageT = new Uint32Array(buffer, base + points * 24 + usage * 8, usage);
  }
  // One pass: times to ms, percents to float64, and every value checked (NaN is "no value"; any other number must
  // be finite). The arrays it fills become the in-memory series as they are.
  const t = new Float64Array(points);
  const outRemaining = new Float64Array(points);
  const outUsed = new Float64Array(points);
  const outPercent = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const r = remaining[i] as number;
    const u = used[i] as number;
    const p = maxPercent[i] as number;
    if (isInfinite(r) || isInfinite(u) || isInfinite(p)) return null;
    t[i] = (seconds[i] as number) * 1000;
    outRemaining[i] = r;
    outUsed[i] = u;
    outPercent[i] = p;
  }
  const outUsage = new Array<ProviderUsage>(usage);
  for (let i = 0; i < usage; i++) {
    const amount = usageUsed[i] as number;
    if (!Number.isFinite(amount)) return null;
    outUsage[i] = { t: (usageT[i] as number) * 1000, used: amount };
  }
  return { points: { t, remaining: outRemaining, used: outUsed, maxPercent: outPercent }, usage: outUsage };
}

import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryPoint, ProviderUsage, Snapshot } from '../../../shared/model';
import { PointSeries } from '../../../shared/point-series';
import { z } from '../../../shared/zod';
import { decodeColumns, encodeColumns } from './history-columns';
import { writePrivateFile } from './private-file';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RAW_KEEP_MS = 7 * DAY;
export const HOURLY_KEEP_MS = 90 * DAY;
export const DAILY_KEEP_MS = 400 * DAY;
/** Appends between compactions: about a day of one-minute polling. */
const COMPACT_EVERY = 1440;

export interface AccountHistory {
  points: PointSeries;
  usage: ProviderUsage[];
}

// One JSON value per line: `{"v":1}` first, then `[t, remaining, used, maxPercent]` per poll and `["u", t, used]`
// per provider usage record. Times are seconds. Appending never rewrites what is there, so a kill mid-write can
// only tear the last line.
const n = z.nullable(z.number());
const PointRow = z.tuple([z.number(), n, n, n]);
const UsageRow = z.tuple([z.literal('u'), z.number(), z.number()]);
const Rows = z.array(z.union([PointRow, UsageRow]));
// Version 1 headers carry no columns (every point is a row); versions 2 and 3 carry the compacted points as
// columns (3 writes times as float64; 2, still read, as uint32).
const Header = z.union([
  z.object({ v: z.literal(1) }),
  z.object({
    v: z.union([z.literal(2), z.literal(3)]),
    points: z.int().check(z.nonnegative()),
    usage: z.int().check(z.nonnegative()),
    data: z.string(),
  }),
]);
const HEADER_LINE = '{"v":1}\n';

function pointRow(p: HistoryPoint): string {
  return JSON.stringify([Math.round(p.t / 1000), p.remaining, p.used, p.maxPercent]);
}

function usageRow(u: ProviderUsage): string {
  return JSON.stringify(['u', Math.round(u.t / 1000), u.used]);
}

function usageKey(u: ProviderUsage): string {
  return `${Math.round(u.t / 1000)}:${u.used}`;
}

/**
 * How many records of each second and amount are known. Two records can share both (two calls in one second),
 * so they are counted, not deduplicated: a poll that sends them again adds none, one with a third adds one.
 */
function countUsage(usage: readonly ProviderUsage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of usage) counts.set(usageKey(u), (counts.get(usageKey(u)) ?? 0) + 1);
  return counts;
}

function bucketOf(t: number, age: number): number {
  return age > HOURLY_KEEP_MS ? Math.floor(t / DAY) : Math.floor(t / HOUR) + 1e9;
}

/**
 * Keeps every point for 7 days, the last point of each hour to 90 days, the last of each day to 400 days.
 * A year of one-minute polling is then about 12 000 points an account.
 */
export function compactPoints(points: PointSeries, now: number): PointSeries {
  const kept: number[] = [];
  let lastBucket: number | null = null;
  for (let i = 0; i < points.length; i++) {
    const t = points.time(i);
    const age = now - t;
    if (age > DAILY_KEEP_MS) continue;
    if (age <= RAW_KEEP_MS) {
      kept.push(i);
      lastBucket = null;
      continue;
    }
    const bucket = bucketOf(t, age);
    if (bucket === lastBucket) kept[kept.length - 1] = i;
    else kept.push(i);
    lastBucket = bucket;
  }
  return points.pick(kept);
}

/** Whether `compactPoints` would drop anything, found without building the compacted list (it runs on every load). */
export function needsCompaction(points: PointSeries, now: number): boolean {
  let lastBucket: number | null = null;
  for (let i = 0; i < points.length; i++) {
    const t = points.time(i);
    const age = now - t;
    if (age > DAILY_KEEP_MS) return true;
    if (age <= RAW_KEEP_MS) return false;
    const bucket = bucketOf(t, age);
    if (bucket === lastBucket) return true;
    lastBucket = bucket;
  }
  return false;
}

export function pointFromSnapshot(snapshot: Snapshot): HistoryPoint {
  const percents = snapshot.quotas.map((q) => q.percentUsed);
  return {
    t: Date.parse(snapshot.fetchedAt),
    remaining: snapshot.remaining,
    used: snapshot.usedThisPeriod,
    maxPercent: percents.length > 0 ? Math.max(...percents) : null,
  };
}

function isSorted(items: { length: number; time(i: number): number }): boolean {
  for (let i = 1; i < items.length; i++) if (items.time(i) < items.time(i - 1)) return false;
  return true;
}

interface Parsed {
  columns: Awaited<ReturnType<typeof decodeColumns>>;
  rows: z.infer<typeof Rows>;
  torn: boolean;
}

async function parseRows(text: string): Promise<Parsed | null> {
  const newline = text.indexOf('\n');
  const headerText = newline >= 0 ? text.slice(0, newline) : text;
  let header: z.infer<typeof Header>;
  try {
    const parsed = Header.safeParse(JSON.parse(headerText));
    if (!parsed.success) return null;
    header = parsed.data;
  } catch {
    return null;
  }
  const columns =
    header.v === 1 ? null : await decodeColumns(header.data, header.points, header.usage, header.v);
  if (header.v !== 1 && columns === null) return null;
  const body = newline >= 0 ? text.slice(newline + 1).trimEnd() : '';
  if (body === '') return { columns, rows: [], torn: false };
  // One parse of the whole tail is far faster than one per line; fall back line by line only for a torn tail.
  try {
    const all = Rows.safeParse(JSON.parse(`[${body.split('\n').join(',')}]`));
    if (all.success) return { columns, rows: all.data, torn: false };
  } catch {
    // handled below
  }
  const rows: z.infer<typeof Rows> = [];
  for (const line of body.split('\n')) {
    try {
      const row = z.union([PointRow, UsageRow]).safeParse(JSON.parse(line));
      if (row.success) rows.push(row.data);
    } catch {
      // A torn or foreign line is dropped; the rest of the history stands.
    }
  }
  return { columns, rows, torn: true };
}

interface Loaded extends AccountHistory {
  usageCounts: Map<string, number>;
  appendsSinceCompaction: number;
}

/** Per-account usage history on disk: append-only lines, compacted atomically now and then. */
export class HistoryStore {
  private readonly loaded = new Map<string, Loaded>();
  private readonly reading = new Map<string, Promise<Loaded>>();

  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private file(accountId: string): string {
    return path.join(this.dir, `${accountId}.jsonl`);
  }

  async load(accountId: string): Promise<AccountHistory> {
    const entry = await this.entry(accountId);
    return { points: entry.points, usage: entry.usage };
  }

  private entry(accountId: string): Promise<Loaded> {
    const cached = this.loaded.get(accountId);
    if (cached) return Promise.resolve(cached);
    // Two callers asking at once share one read: each with its own would leave one of them appending to a copy.
    let reading = this.reading.get(accountId);
    if (!reading) {
      reading = this.read(accountId).finally(() => this.reading.delete(accountId));
      this.reading.set(accountId, reading);
    }
    return reading;
  }

  private async read(accountId: string): Promise<Loaded> {
    const file = this.file(accountId);
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const entry: Loaded = {
      points: PointSeries.empty(),
      usage: [],
      usageCounts: new Map(),
      appendsSinceCompaction: 0,
    };
    let rewrite = false;
    if (text !== null) {
      const parsed = await parseRows(text);
      if (parsed === null) {
        await rename(file, `${file}.bad`).catch(() => undefined);
      } else {
        const c = parsed.columns;
        if (c) {
          entry.points = PointSeries.adopt(c.points);
          entry.usage = c.usage;
        }
        // Files are written in order; only damaged columns would not be.
        if (!isSorted(entry.points)) entry.points = PointSeries.of(entry.points.toArray());
        for (const row of parsed.rows) {
          if (row[0] === 'u') {
            entry.usage.push({ t: row[1] * 1000, used: row[2] });
          } else {
            // In its place by time: rows appended after a clock was set back come out of order.
            entry.points.insert({ t: row[0] * 1000, remaining: row[1], used: row[2], maxPercent: row[3] });
          }
        }
        entry.usageCounts = countUsage(entry.usage);
        // A tail without its newline would glue the next append onto it: rewrite the file whole first.
        rewrite = parsed.torn || !text.endsWith('\n');
      }
    }
    entry.usage.sort((a, b) => a.t - b.t);
    this.loaded.set(accountId, entry);
    // Rewrite only when there is something to gain: a torn tail, or points the tiers would thin out.
    if (rewrite || needsCompaction(entry.points, this.now())) {
      await this.compact(accountId, entry);
    }
    return entry;
  }

  /** Records one successful fetch, plus any provider usage records not seen before. */
  async append(accountId: string, snapshot: Snapshot): Promise<void> {
    const entry = await this.entry(accountId);
    const point = pointFromSnapshot(snapshot);
    const lines = [pointRow(point)];
    // Each point keeps the time it was taken. After a clock that ran ahead is put right, later points are not
    // stamped at the wrong future time: they go in their place, and the series stays in order.
    entry.points.insert(point);
    const now = this.now();
    const inThisAnswer = new Map<string, number>();
    for (const u of snapshot.usage) {
      const usage = { t: Date.parse(u.at), used: u.used };
      // Older than history keeps: compaction would drop it, and the next poll would append it again.
      if (now - usage.t > DAILY_KEEP_MS) continue;
      const key = usageKey(usage);
      const nth = (inThisAnswer.get(key) ?? 0) + 1;
      inThisAnswer.set(key, nth);
      if (nth <= (entry.usageCounts.get(key) ?? 0)) continue;
      entry.usageCounts.set(key, nth);
      entry.usage.push(usage);
      lines.push(usageRow(usage));
    }
    entry.usage.sort((a, b) => a.t - b.t);
    entry.appendsSinceCompaction++;
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(accountId);
    // The size, not what this process remembers, says whether the file needs its header: a file deleted under a
    // running watch comes back as a new one, and rows without a header would be set aside as damaged.
    const handle = await open(file, 'a', 0o600);
    try {
      const { size } = await handle.stat();
      await handle.write(`${size === 0 ? HEADER_LINE : ''}${lines.join('\n')}\n`);
    } finally {
      await handle.close();
    }
    if (entry.appendsSinceCompaction >= COMPACT_EVERY) await this.compact(accountId, entry);
  }

  private async compact(accountId: string, entry: Loaded): Promise<void> {
    const now = this.now();
    entry.points = compactPoints(entry.points, now);
    entry.usage = entry.usage.filter((u) => now - u.t <= DAILY_KEEP_MS);
    entry.usageCounts = countUsage(entry.usage);
    entry.appendsSinceCompaction = 0;
    const data = await encodeColumns(entry.points.columns(), entry.usage);
    const header = JSON.stringify({ v: 3, points: entry.points.length, usage: entry.usage.length, data });
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writePrivateFile(this.file(accountId), `${header}\n`);
  }

  /** Replaces an account's whole history (the demo's simulated past), written atomically. */
  async replace(accountId: string, points: readonly HistoryPoint[]): Promise<void> {
    const entry: Loaded = {
      points: PointSeries.of(points),
      usage: [],
      usageCounts: new Map(),
      appendsSinceCompaction: 0,
    };
    this.loaded.set(accountId, entry);
    await this.compact(accountId, entry);
  }

  /** The account's history goes whole: its file and any damaged copy set aside beside it. */
  async remove(accountId: string): Promise<void> {
    this.loaded.delete(accountId);
    const file = this.file(accountId);
    await rm(file, { force: true });
    await rm(`${file}.bad`, { force: true, recursive: true });
  }

  /**
   * Moves an account's history out of its way (the id now reads another account) without losing it: to
   * `<id>.jsonl.<date>.old` beside it. The path it went to, or null when there was none.
   */
  async setAside(accountId: string, at: Date): Promise<string | null> {
    this.loaded.delete(accountId);
    const file = this.file(accountId);
    const aside = `${file}.${at.toISOString().replace(/[:.]/g, '-')}.old`;
    try {
      await rename(file, aside);
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

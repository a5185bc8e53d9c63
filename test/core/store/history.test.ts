import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compactPoints, HistoryStore, needsCompaction } from '../../../main/core/store/history';
import type { HistoryPoint, Snapshot } from '../../../shared/model';
import { PointSeries } from '../../../shared/point-series';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-22T12:00:00Z');

const snap = (t: number, remaining: number, usage: Snapshot['usage'] = []): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas: [{ metric: 'm', name: 'M', used: 1, included: 10, unit: 'x', percentUsed: 10 }],
  usedThisPeriod: 5,
  usage,
  fetchedAt: new Date(t).toISOString(),
  extras: {},
});

const tmp = () => mkdtemp(path.join(tmpdir(), 'creditbar-history-'));

describe('history store', () => {
  it('appends points and provider usage (deduplicated), and reads them back after a restart', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    const u1 = { at: '2026-11-22T10:00:00.000Z', used: 5 };
    const u2 = { at: '2026-11-22T11:00:00.000Z', used: 7 };
    await store.append('a', snap(NOW - 2 * HOUR, 100, [u1]));
    await store.append('a', snap(NOW - HOUR, 95, [u2, u1]));
    await store.append('a', snap(NOW, 88, [u2, u1]));
    const again = await new HistoryStore(dir, () => NOW).load('a');
    expect(again.points.toArray()).toEqual([
      { t: NOW - 2 * HOUR, remaining: 100, used: 5, maxPercent: 10 },
      { t: NOW - HOUR, remaining: 95, used: 5, maxPercent: 10 },
      { t: NOW, remaining: 88, used: 5, maxPercent: 10 },
    ]);
    expect(again.usage).toEqual([
      { t: Date.parse(u1.at), used: 5 },
      { t: Date.parse(u2.at), used: 7 },
    ]);
    expect(statSync(path.join(dir, 'a.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('a torn last line (killed mid-write) loses only that line, and the next append is clean', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    await store.append('a', snap(NOW - HOUR, 100));
    await store.append('a', snap(NOW - 1000, 99));
    appendFileSync(path.join(dir, 'a.jsonl'), '[17638128');
    const reopened = new HistoryStore(dir, () => NOW);
    expect((await reopened.load('a')).points.toArray().map((p) => p.remaining)).toEqual([100, 99]);
    await reopened.append('a', snap(NOW, 98));
    expect(
      (await new HistoryStore(dir, () => NOW).load('a')).points.toArray().map((p) => p.remaining),
    ).toEqual([100, 99, 98]);
  });

  it('a file that is not history is moved aside as .bad and the account starts afresh', async () => {
    const dir = await tmp();
    writeFileSync(path.join(dir, 'a.jsonl'), 'garbage\n[1,2,3,4]\n');
    const store = new HistoryStore(dir, () => NOW);
    expect(await store.load('a')).toMatchObject({ points: { length: 0 }, usage: [] });
    expect(readFileSync(path.join(dir, 'a.jsonl.bad'), 'utf8')).toContain('garbage');
    await store.append('a', snap(NOW, 1));
    expect((await new HistoryStore(dir, () => NOW).load('a')).points).toHaveLength(1);
  });

  it('provider usage older than history keeps is not appended (compaction would drop it, the next poll re-add it)', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    const old = [{ at: new Date(NOW - 500 * DAY).toISOString(), used: 7 }];
    await store.append('a', snap(NOW, 1, old));
    await store.append('a', snap(NOW + 60_000, 1, old));
    expect(readFileSync(path.join(dir, 'a.jsonl'), 'utf8')).not.toMatch(/\["u",/);
    expect((await new HistoryStore(dir, () => NOW).load('a')).usage).toEqual([]);
  });

  it('a history file deleted under a running store comes back with its header: no row is set aside', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    await store.append('a', snap(NOW, 3));
    rmSync(path.join(dir, 'a.jsonl'));
    await store.append('a', snap(NOW + 60_000, 2));
    await store.append('a', snap(NOW + 120_000, 1));
    const { points } = await new HistoryStore(dir, () => NOW).load('a');
    expect(points.toArray().map((p) => p.remaining)).toEqual([2, 1]);
    expect(existsSync(path.join(dir, 'a.jsonl.bad'))).toBe(false);
  });

  it('two usage records that share a second and an amount are both kept, and not added again by the next poll', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    const at = new Date(NOW - 3_600_000).toISOString();
    const two = [
      { at, used: 1 },
      { at, used: 1 },
    ];
    await store.append('a', snap(NOW, 10, two));
    await store.append('a', snap(NOW + 60_000, 9, two));
    expect((await new HistoryStore(dir, () => NOW).load('a')).usage).toHaveLength(2);
    await store.append('a', snap(NOW + 120_000, 8, [...two, { at, used: 1 }]));
    expect((await new HistoryStore(dir, () => NOW).load('a')).usage).toHaveLength(3);
  });

  it('a version-2 file (uint32 times) written before still loads', async () => {
    const dir = await tmp();
    const bytes = Buffer.alloc(1 * 24 + 1 * 12);
    bytes.writeDoubleLE(1840, 0); // remaining
    bytes.writeDoubleLE(Number.NaN, 8); // used
    bytes.writeDoubleLE(7, 16); // usage amount
    bytes.writeUInt32LE(NOW / 1000, 24); // t
    bytes.writeFloatLE(Number.NaN, 28); // max percent
    bytes.writeUInt32LE(NOW / 1000 - 60, 32); // usage t
    const data = deflateRawSync(bytes).toString('base64');
    writeFileSync(path.join(dir, 'a.jsonl'), `${JSON.stringify({ v: 2, points: 1, usage: 1, data })}\n`);
    const { points, usage } = await new HistoryStore(dir, () => NOW).load('a');
    expect(points.toArray()).toEqual([{ t: NOW, remaining: 1840, used: null, maxPercent: null }]);
    expect(usage).toEqual([{ t: NOW - 60_000, used: 7 }]);
  });

  it('far dates survive compaction: a clock in 2200 does not wrap', async () => {
    const dir = await tmp();
    const far = Date.parse('2200-01-01T00:00:00Z');
    const early = Date.parse('1969-12-31T00:00:00Z');
    await new HistoryStore(dir, () => far).replace('a', [
      { t: early, remaining: 1, used: null, maxPercent: null },
      { t: far - DAY, remaining: 2, used: null, maxPercent: null },
      { t: far, remaining: 3, used: null, maxPercent: null },
    ]);
    const { points } = await new HistoryStore(dir, () => far).load('a');
    // The 1969 point is older than history keeps; the far ones come back at their own times, in order.
    expect(points.toArray().map((p) => [p.t, p.remaining])).toEqual([
      [far - DAY, 2],
      [far, 3],
    ]);
  });

  it('a clock set back keeps the series in order, each point at the time it was taken', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    await store.append('a', snap(NOW, 10));
    await store.append('a', snap(NOW - DAY, 9));
    expect((await store.load('a')).points.toArray().map((p) => [p.t, p.remaining])).toEqual([
      [NOW - DAY, 9],
      [NOW, 10],
    ]);
    const { points } = await new HistoryStore(dir, () => NOW).load('a');
    expect(points.toArray().map((p) => [p.t, p.remaining])).toEqual([
      [NOW - DAY, 9],
      [NOW, 10],
    ]);
  });

  it('after a clock that ran a year ahead is put right, later points are not stamped in the future', async () => {
    const dir = await tmp();
    const store = new HistoryStore(dir, () => NOW);
    await store.append('a', snap(NOW + 365 * DAY, 5));
    await store.append('a', snap(NOW + 60_000, 4));
    await store.append('a', snap(NOW + 120_000, 3));
    const { points } = await new HistoryStore(dir, () => NOW).load('a');
    expect(points.toArray().map((p) => [p.t, p.remaining])).toEqual([
      [NOW + 60_000, 4],
      [NOW + 120_000, 3],
      [NOW + 365 * DAY, 5],
    ]);
  });

  it('remove deletes the file, and a damaged copy set aside beside it', async () => {
    const dir = await tmp();
    writeFileSync(path.join(dir, 'a.jsonl'), 'garbage\n');
    const store = new HistoryStore(dir, () => NOW);
    await store.load('a');
    expect(existsSync(path.join(dir, 'a.jsonl.bad'))).toBe(true);
    await store.append('a', snap(NOW, 1));
    await store.remove('a');
    expect(existsSync(path.join(dir, 'a.jsonl'))).toBe(false);
    expect(existsSync(path.join(dir, 'a.jsonl.bad'))).toBe(false);
    expect(await store.load('a')).toMatchObject({ points: { length: 0 }, usage: [] });
  });
});

describe('compaction', () => {
  const minutely = (from: number, to: number): HistoryPoint[] => {
    const out: HistoryPoint[] = [];
    for (let t = from; t <= to; t += 60_000)
      out.push({ t, remaining: 1e6 - (t - from) / 60_000, used: null, maxPercent: null });
    return out;
  };

  it('keeps 7 days raw, hourly to 90 days, daily to 400 days, nothing older', () => {
    const points = minutely(NOW - 420 * DAY, NOW);
    const kept = compactPoints(PointSeries.of(points), NOW).toArray();
    const raw = kept.filter((p) => NOW - p.t <= 7 * DAY).length;
    const hourly = kept.filter((p) => NOW - p.t > 7 * DAY && NOW - p.t <= 90 * DAY).length;
    const daily = kept.filter((p) => NOW - p.t > 90 * DAY).length;
    expect(raw).toBe(7 * 24 * 60 + 1);
    expect(hourly).toBeGreaterThanOrEqual(83 * 24 - 1);
    expect(hourly).toBeLessThanOrEqual(83 * 24 + 1);
    expect(daily).toBeGreaterThanOrEqual(309);
    expect(daily).toBeLessThanOrEqual(311);
    expect(kept.every((p) => NOW - p.t <= 400 * DAY)).toBe(true);
    // Each bucket keeps its last value: the balance at the end of that hour or day.
    const sorted = kept.every((p, i) => i === 0 || (kept[i - 1] as HistoryPoint).t < p.t);
    expect(sorted).toBe(true);
    expect(compactPoints(PointSeries.of(kept), NOW).toArray()).toEqual(kept);
  });

  it('a year of one-minute polling compacts on load and stays small on disk', async () => {
    const dir = await tmp();
    const points = minutely(NOW - 365 * DAY, NOW);
    const lines = points.map((p) => JSON.stringify([Math.round(p.t / 1000), p.remaining, 12, 40.5]));
    writeFileSync(path.join(dir, 'a.jsonl'), `{"v":1}\n${lines.join('\n')}\n`);
    const store = new HistoryStore(dir, () => NOW);
    const { points: loaded } = await store.load('a');
    expect(loaded.length).toBeLessThan(13_000);
    // 20 such accounts must stay under 10 MB.
    expect(statSync(path.join(dir, 'a.jsonl')).size * 20).toBeLessThan(10 * 1024 * 1024);
  });

  it('compacted points round-trip through the binary columns, nulls, usage and cents included', async () => {
    const dir = await tmp();
    const old = NOW - 30 * DAY;
    const lines = [0, 1, 2, 3].map((i) =>
      JSON.stringify([
        Math.round((old + i * 60_000) / 1000),
        i === 2 ? null : 1234.56 - i,
        null,
        i === 1 ? null : 12.5,
      ]),
    );
    writeFileSync(
      path.join(dir, 'a.jsonl'),
      `{"v":1}\n${lines.join('\n')}\n["u",${Math.round(old / 1000)},7.25]\n`,
    );
    const first = await new HistoryStore(dir, () => NOW).load('a');
    // Four raw points in one old hour become one; the file is rewritten in the columnar form.
    expect(first.points.toArray()).toEqual([
      { t: old + 3 * 60_000, remaining: 1231.56, used: null, maxPercent: 12.5 },
    ]);
    expect(readFileSync(path.join(dir, 'a.jsonl'), 'utf8')).toMatch(
      /^\{"v":3,"points":1,"usage":1,"data":"[A-Za-z0-9+/=]+"\}\n$/,
    );
    const again = await new HistoryStore(dir, () => NOW).load('a');
    expect(again.points.toArray()).toEqual(first.points.toArray());
    expect(again.usage).toEqual([{ t: Math.round(old / 1000) * 1000, used: 7.25 }]);
  });

  it('a column block that does not decode is moved aside as .bad', async () => {
    const dir = await tmp();
    writeFileSync(path.join(dir, 'a.jsonl'), '{"v":2,"points":5,"usage":0,"data":"AAAA"}\n');
    expect(await new HistoryStore(dir, () => NOW).load('a')).toMatchObject({
      points: { length: 0 },
      usage: [],
    });
    expect(existsSync(path.join(dir, 'a.jsonl.bad'))).toBe(true);
  });

  it('a column block that inflates past its announced size is set aside', async () => {
    const dir = await tmp();
    const data = deflateRawSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64');
    writeFileSync(path.join(dir, 'a.jsonl'), `${JSON.stringify({ v: 3, points: 1, usage: 0, data })}\n`);
    expect(await new HistoryStore(dir, () => NOW).load('a')).toMatchObject({
      points: { length: 0 },
      usage: [],
    });
    expect(existsSync(path.join(dir, 'a.jsonl.bad'))).toBe(true);
  });

  it('needsCompaction says yes exactly when compacting would drop points', () => {
    const year = PointSeries.of(minutelyYear());
    const compacted = compactPoints(year, NOW);
    const later = (points: HistoryPoint[]) => needsCompaction(PointSeries.of(points), NOW);
    expect(needsCompaction(year, NOW)).toBe(true);
    expect(needsCompaction(compacted, NOW)).toBe(false);
    expect(later(compacted.toArray().slice(-100))).toBe(false);
    expect(later([...compacted.toArray(), { t: NOW, remaining: 1, used: null, maxPercent: null }])).toBe(
      false,
    );
    expect(
      later([{ t: NOW - 401 * DAY, remaining: 1, used: null, maxPercent: null }, ...compacted.toArray()]),
    ).toBe(true);
  });
});

function minutelyYear(): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (let t = NOW - 365 * DAY; t <= NOW; t += 60_000)
    out.push({ t, remaining: 1, used: null, maxPercent: null });
  return out;
}

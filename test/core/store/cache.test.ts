import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshotCache } from '../../../main/core/store/cache';
import type { Snapshot } from '../../../shared/model';

const SNAPSHOT: Snapshot = {
  remaining: 42,
  unit: 'credits',
  quotas: [],
  usedThisPeriod: 8,
  usage: [{ at: '2026-11-21T00:00:00.000Z', used: 8 }],
  fetchedAt: '2026-11-22T12:00:00.000Z',
  extras: {},
};

const ID = 'happenstance|https://api.happenstance.ai||';

describe('snapshot cache', () => {
  it('round-trips a snapshot, written 0600 in a 0700 folder', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'creditbar-cache-')), 'cache');
    const cache = createSnapshotCache(dir);
    expect(await cache.read('a')).toBeNull();
    await cache.write('a', SNAPSHOT, ID);
    expect(await cache.read('a')).toEqual(SNAPSHOT);
    const { statSync } = await import('node:fs');
    expect(statSync(path.join(dir, 'a.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['torn JSON', '{"version":1,"accountId":"a","snapshot":{"remaining":4'],
    ['an empty file', ''],
    ['a wrong schema', JSON.stringify({ version: 1, accountId: 'a', snapshot: { remaining: 'many' } })],
    ['a future version', JSON.stringify({ version: 3, accountId: 'a', snapshot: SNAPSHOT })],
    ['a version 2 without its identity', JSON.stringify({ version: 2, accountId: 'a', snapshot: SNAPSHOT })],
    ['another account', JSON.stringify({ version: 1, accountId: 'b', snapshot: SNAPSHOT })],
  ])('%s is moved aside as .bad and ignored; the next write works', async (_name, content) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-cache-'));
    const file = path.join(dir, 'a.json');
    writeFileSync(file, content);
    const cache = createSnapshotCache(dir);
    expect(await cache.read('a')).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe(content);
    await cache.write('a', SNAPSHOT, ID);
    expect(await cache.read('a')).toEqual(SNAPSHOT);
  });

  it('remembers what it wrote, so a failed poll costs no disk read; remove forgets both copies', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-cache-'));
    const cache = createSnapshotCache(dir);
    await cache.write('a', SNAPSHOT, ID);
    rmSync(path.join(dir, 'a.json'));
    expect(await cache.read('a')).toEqual(SNAPSHOT);
    await cache.write('a', SNAPSHOT, ID);
    await cache.remove('a');
    expect(existsSync(path.join(dir, 'a.json'))).toBe(false);
    expect(await cache.read('a')).toBeNull();
  });

  it('records which account the value was read for; a version 1 file says none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-cache-'));
    await createSnapshotCache(dir).write('a', SNAPSHOT, ID);
    expect(await createSnapshotCache(dir).identity('a')).toBe(ID);
    writeFileSync(
      path.join(dir, 'b.json'),
      JSON.stringify({ version: 1, accountId: 'b', snapshot: SNAPSHOT }),
    );
    const older = createSnapshotCache(dir);
    expect(await older.read('b')).toEqual(SNAPSHOT);
    expect(await older.identity('b')).toBeNull();
  });
});

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileName, compileCacheDir, staleCacheFiles } from '../../main/cli/compile-cache';
import { runBuiltCli } from '../support/run-built-cli';

const DAY = 24 * 60 * 60 * 1000;

describe('where compiled code is kept', () => {
  it.each([
    ['linux', {}, '/home/ada/.cache/creditbar'],
    ['linux', { XDG_CACHE_HOME: '/var/cache/ada' }, '/var/cache/ada/creditbar'],
    ['darwin', {}, '/Users/ada/Library/Caches/Creditbar'],
  ] as const)('on %s with %o: under %s, per Node version', (platform, env, base) => {
    const home = platform === 'darwin' ? '/Users/ada' : '/home/ada';
    expect(compileCacheDir(platform, env, home)).toBe(
      path.join(base, 'compile-cache', `${process.version}-${process.arch}`),
    );
  });

  it('on Windows: in the local (not roaming) app data', () => {
    const dir = compileCacheDir(
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' },
      'C:\\Users\\ada',
    );
    expect(dir.startsWith(path.win32.join('C:\\Users\\ada\\AppData\\Local', 'Creditbar', 'Cache'))).toBe(
      true,
    );
  });

  it('names a cache file by the built file, its size and its time, so a rebuild never meets old code', () => {
    const a = cacheFileName('/app/out/main/chunks/paths-AbC.js', 1000, 1_700_000_000_123.7);
    expect(a).toBe('paths-AbC-1000-1700000000123.bin');
    expect(cacheFileName('/app/out/main/chunks/paths-AbC.js', 1001, 1_700_000_000_123)).not.toBe(a);
    expect(cacheFileName('/app/out/main/chunks/paths-AbC.js', 1000, 1_700_000_000_999)).not.toBe(a);
  });

  it('drops cache files older than a month, and nothing else', () => {
    const now = 100 * DAY;
    expect(
      staleCacheFiles(
        [
          { name: 'old.bin', mtimeMs: now - 31 * DAY },
          { name: 'recent.bin', mtimeMs: now - 29 * DAY },
          { name: 'notes.txt', mtimeMs: now - 90 * DAY },
        ],
        now,
      ),
    ).toEqual(['old.bin']);
  });
});

describe('the built CLI with a compile cache', () => {
  it('writes its compiled code on the first run, reuses it untouched after, and survives a corrupt cache', async () => {
    const cacheHome = await mkdtemp(path.join(tmpdir(), 'creditbar-compile-cache-'));
    const env = { XDG_CACHE_HOME: cacheHome };
    const dir = compileCacheDir('linux', env, '/nowhere');

    const first = await runBuiltCli(['--help'], env);
    expect(first.code).toBe(0);
    const files = readdirSync(dir).sort();
    // The CLI's chunk and the core it shares with the desktop app.
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.every((f) => f.endsWith('.bin'))).toBe(true);
    const written = new Map(files.map((f) => [f, statSync(path.join(dir, f)).mtimeMs]));

    // V8 accepted every cached file: none is written again.
    const second = await runBuiltCli(['--help'], env);
    expect(second).toEqual(first);
    for (const [file, mtimeMs] of written) expect(statSync(path.join(dir, file)).mtimeMs).toBe(mtimeMs);

    // Garbage in the cache: V8 rejects it, the CLI answers the same, and the file is made good again.
    const victim = files[0] as string;
    writeFileSync(path.join(dir, victim), 'not compiled code');
    const third = await runBuiltCli(['--help'], env);
    expect(third).toEqual(first);
    expect(readFileSync(path.join(dir, victim)).toString()).not.toBe('not compiled code');
  });

  it('still runs when the cache folder cannot be made', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'creditbar-compile-cache-'));
    const blocker = path.join(parent, 'a-file');
    writeFileSync(blocker, '');
    const run = await runBuiltCli(['--help'], { XDG_CACHE_HOME: blocker });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: creditbar/);
  });

  it('is off when NODE_DISABLE_COMPILE_CACHE is set, as Node itself reads it', async () => {
    const cacheHome = await mkdtemp(path.join(tmpdir(), 'creditbar-compile-cache-'));
    const run = await runBuiltCli(['--help'], {
      XDG_CACHE_HOME: cacheHome,
      NODE_DISABLE_COMPILE_CACHE: '1',
    });
    expect(run.code).toBe(0);
    expect(readdirSync(cacheHome)).toEqual([]);
  });
});

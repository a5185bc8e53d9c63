import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../main/cli/compile-cache';
import { runBuiltCli } from '../support/run-built-cli';

/** Node keeps its entries one folder down, per Node version: every file under the cache folder, by relative path. */
function cacheFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

describe('where compiled code is kept', () => {
  it.each([
    ['linux', {}, '/home/ada/.cache/creditbar'],
    ['linux', { XDG_CACHE_HOME: '/var/cache/ada' }, '/var/cache/ada/creditbar'],
    ['darwin', {}, '/Users/ada/Library/Caches/Creditbar'],
  ] as const)('on %s with %o: under %s', (platform, env, base) => {
    const home = platform === 'darwin' ? '/Users/ada' : '/home/ada';
    expect(compileCacheDir(platform, env, home)).toBe(path.join(base, 'compile-cache'));
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
});

describe('the built CLI with a compile cache', () => {
  it('writes its compiled code on the first run, reuses it untouched after, and survives a corrupt cache', async () => {
    const cacheHome = await mkdtemp(path.join(tmpdir(), 'creditbar-compile-cache-'));
    const env = { XDG_CACHE_HOME: cacheHome };
    const dir = compileCacheDir('linux', env, '/nowhere');

    const first = await runBuiltCli(['--help'], env);
    expect(first.code).toBe(0);
    const files = cacheFiles(dir);
    // The CLI's chunk and the core it shares with the desktop app.
    expect(files.length).toBeGreaterThanOrEqual(2);
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

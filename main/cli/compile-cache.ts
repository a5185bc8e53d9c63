import path from 'node:path';

/**
 * Where compiled code is kept between runs: the person's own cache folder (never a shared temp dir, whose files
 * another user could plant). Node keeps one subfolder per Node version inside it, since V8's code cache is only
 * valid for the V8 that made it. No import from the rest of the code base: this module runs before the CLI's
 * bundle is loaded.
 */
export function compileCacheDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const base =
    platform === 'darwin'
      ? path.posix.join(home, 'Library', 'Caches', 'Creditbar')
      : platform === 'win32'
        ? path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'Creditbar', 'Cache')
        : path.posix.join(env.XDG_CACHE_HOME || path.posix.join(home, '.cache'), 'creditbar');
  return path.join(base, 'compile-cache');
}

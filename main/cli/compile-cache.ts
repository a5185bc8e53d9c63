import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * Where compiled code is kept between runs: the person's own cache folder (never a shared temp dir, whose files
 * another user could plant), per Node version since V8's code cache is only valid for the V8 that made it.
 * No import from the rest of the code base: this module runs before the CLI's bundle is loaded.
 */
export function compileCacheDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const base =
    platform === 'darwin'
      ? path.posix.join(home, 'Library', 'Caches', 'Creditbar')
      : platform === 'win32'
        ? path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'Creditbar', 'Cache')
        : path.posix.join(env.XDG_CACHE_HOME || path.posix.join(home, '.cache'), 'creditbar');
  return path.join(base, 'compile-cache', `${process.version}-${process.arch}`);
}

/**
 * One file per built file: its name carries a hash of its content (the bundler's chunk names), its size and its
 * modification time, so a rebuilt bundle never meets code compiled from its previous text. Hashing the text
 * here would load node:crypto, which alone costs more than a tenth of what the cache saves.
 */
export function cacheFileName(filename: string, size: number, mtimeMs: number): string {
  return `${path.basename(filename, '.js')}-${size}-${Math.trunc(mtimeMs)}.bin`;
}

const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Files older than a month go: each upgrade leaves its bundle's cache behind. */
export function staleCacheFiles(files: { name: string; mtimeMs: number }[], now: number): string[] {
  return files.filter((f) => f.name.endsWith('.bin') && now - f.mtimeMs > MAX_AGE_MS).map((f) => f.name);
}

interface PendingCache {
  script: Script;
  file: string;
}

type CompileCacheApi = { enableCompileCache?: (dir: string) => unknown };

interface CompilableModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/**
 * Keeps V8's compiled code for the CLI's own bundle between runs, so `creditbar status` does not parse and compile
 * 270 KB of JavaScript on every start. Node 22.1+ has this built in (`module.enableCompileCache`); on older Node
 * the bundle's modules are compiled through `vm.Script` with the cached data, and the cache is written at exit,
 * after the run, so it also holds the functions V8 compiled lazily (most of them: a cache made before the run
 * saved nothing measurable). Any failure to read or write the cache only costs the speed-up.
 */
export function enableCompileCache(bundleDir: string, cacheDir: string): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const builtIn = (Module as unknown as CompileCacheApi).enableCompileCache;
  if (typeof builtIn === 'function') {
    try {
      builtIn(cacheDir);
    } catch {
      // Only the speed-up is lost.
    }
    return;
  }
  const pending: PendingCache[] = [];
  const prototype = Module.prototype as unknown as CompilableModule;
  const compile = prototype._compile;
  prototype._compile = function compileWithCache(this: CompilableModule, content: string, filename: string) {
    if (!filename.startsWith(bundleDir + path.sep)) return compile.call(this, content, filename);
    let file: string | undefined;
    let cachedData: Buffer | undefined;
    try {
      const { size, mtimeMs } = statSync(filename);
      file = path.join(cacheDir, cacheFileName(filename, size, mtimeMs));
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (file !== undefined && (cachedData === undefined || script.cachedDataRejected))
      pending.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(
      this.exports,
      this.exports,
      createRequire(filename),
      this,
      filename,
      path.dirname(filename),
    );
  };
  process.once('exit', () => {
    if (pending.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      for (const { script, file } of pending) {
        // Two CLIs may exit at once: each writes its own temp file and renames it into place.
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, file);
      }
      const files = readdirSync(cacheDir).map((name) => ({
        name,
        mtimeMs: statSync(path.join(cacheDir, name)).mtimeMs,
      }));
      for (const name of staleCacheFiles(files, Date.now())) unlinkSync(path.join(cacheDir, name));
    } catch {
      // Only the speed-up is lost.
    }
  });
}

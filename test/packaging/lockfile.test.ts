/**
 * `npm ci` installs exactly the committed lock and refuses one that lacks a package the platform needs: a lock
 * made on Linux that left out macOS's or Windows's optional binaries failed `npm ci` there ("Missing:
 * @biomejs/cli-darwin-arm64 from lock file"). The lock must hold every platform's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { optional?: boolean }>;
};

const PLATFORMS = ['darwin-arm64', 'darwin-x64', 'win32-x64', 'linux-x64'];

describe('the committed lock', () => {
  it.each([
    ['Biome', '@biomejs/cli-'],
    ['esbuild (Vite, tsx)', '@esbuild/'],
  ])('holds %s’s binary for every OS the CI runs on', (_name, prefix) => {
    for (const platform of PLATFORMS)
      expect(lock.packages[`node_modules/${prefix}${platform}`], platform).toBeDefined();
  });
});

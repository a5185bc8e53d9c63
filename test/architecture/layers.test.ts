import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

const ELECTRON_IMPORT = /(from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(\/[^'"]*)?['"]/;

describe('layers', () => {
  it.each(['main/core', 'shared'])('nothing under %s imports electron (it runs in plain Node)', (folder) => {
    const files = sourceFiles(path.join(ROOT, folder));
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the rule catches every import form', () => {
    for (const line of [
      "import { app } from 'electron';",
      'const { app } = require("electron");',
      "await import('electron/main');",
      "import 'electron';",
    ]) {
      expect(ELECTRON_IMPORT.test(line)).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import x from 'electron-vite';")).toBe(false);
  });
});

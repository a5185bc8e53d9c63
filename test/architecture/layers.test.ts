import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

interface Layer {
  name: string;
  folder: string;
  allowed: Set<string>;
}

/** The layer table, read from docs/architecture.md: the document and the rule cannot drift apart. */
function layerTable(): Layer[] {
  const doc = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf('<!-- layers -->'), doc.indexOf('<!-- end layers -->'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| layer') && !line.startsWith('| ---'))
    .map((line) => {
      const [name = '', folder = '', allowed = ''] = line
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim());
      return {
        name,
        folder: folder.replaceAll('`', ''),
        allowed: new Set(allowed.split(',').map((a) => a.trim().replaceAll('`', ''))),
      };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

function resolveRelative(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

const layers = layerTable();
/** A folder (ending in `/`) holds everything under it; a file names itself; `*` stands for one path segment. */
const matcher = (folder: string) =>
  new RegExp(
    `^${folder.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]+')}${folder.endsWith('/') ? '' : '$'}`,
  );
const layerOf = (file: string): Layer | null => {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return (
    [...layers].sort((a, b) => b.folder.length - a.folder.length).find((l) => matcher(l.folder).test(rel)) ??
    null
  );
};
// A provider's fake and tests are test code, beside it but in no layer of the app.
const isTestCode = (file: string) => /\.test\.ts$|\/fake\.ts$/.test(file);
const files = ['shared', 'main', 'renderer', 'providers']
  .flatMap((d) => sourceFiles(path.join(ROOT, d)))
  .filter((f) => !isTestCode(f));
const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(packageOf(spec));

/** Why an import is not allowed, or null when it is. */
function violation(file: string, spec: string): string | null {
  const from = layerOf(file);
  if (!from) return `${path.relative(ROOT, file)} is in no layer of docs/architecture.md`;
  if (spec.startsWith('.')) {
    const target = resolveRelative(file, spec);
    if (!target) return null;
    const to = layerOf(target);
    if (!to) return `imports ${spec}, which is in no layer`;
    if (to.name === from.name || from.allowed.has(to.name)) return null;
    return `${from.name} may not import ${to.name} (${spec})`;
  }
  const pkg = packageOf(spec);
  if (from.allowed.has(pkg)) return null;
  if (pkg === 'electron') return `${from.name} may not import electron`;
  if (from.allowed.has('npm')) return null;
  return `${from.name} may not import ${isBuiltin(spec) ? 'Node built-in ' : 'package '}${spec}`;
}

describe('layers, as docs/architecture.md declares them', () => {
  it('the table lists every layer once, and every source file is in one', () => {
    expect(new Set(layers.map((l) => l.name)).size).toBe(layers.length);
    expect(layers.length).toBeGreaterThan(10);
    expect(files.filter((f) => !layerOf(f)).map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('every import is one its layer allows', () => {
    const problems = files.flatMap((file) =>
      importsOf(file)
        .map((spec) => violation(file, spec))
        .filter((p): p is string => p !== null)
        .map((p) => `${path.relative(ROOT, file)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('no import cycle between files', () => {
    const graph = new Map(
      files.map((f) => [
        f,
        importsOf(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => resolveRelative(f, s))
          .filter((t): t is string => t !== null),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') {
          cycles.push(
            [...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(ROOT, f)).join(' → '),
          );
        } else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('the rules catch what they should', () => {
    const core = path.join(ROOT, 'main', 'core', 'alerts', 'level.ts');
    expect(violation(core, 'electron')).toMatch(/may not import electron/);
    expect(violation(core, '../store/cache')).toMatch(/core\/alerts may not import core\/store/);
    expect(violation(path.join(ROOT, 'shared', 'config.ts'), 'node:fs')).toMatch(/Node built-in/);
    expect(violation(path.join(ROOT, 'renderer', 'src', 'App.tsx'), '../../main/core/errors')).toMatch(
      /renderer may not import core\/errors/,
    );
    expect(violation(path.join(ROOT, 'shared', 'config.ts'), 'zod/mini')).toBeNull();
    const sample =
      "import { a } from './a';\nimport type { B } from \"../b\";\nconst c = await import('./c');";
    const matches = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
    expect(matches).toEqual(['./a', '../b', './c']);
  });
});

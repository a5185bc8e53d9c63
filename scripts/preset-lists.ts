/**
 * The lists a preset belongs to, made from the files: adding a preset is its file in shared/providers/presets/
 * and its documented example with its fake in test/fixtures/<id>/. `npx tsx scripts/preset-lists.ts` rewrites
 * both lists; a test fails when either disagrees with the files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const PRESETS_DIR = path.join(ROOT, 'shared', 'providers', 'presets');
export const PRESET_INDEX = path.join(PRESETS_DIR, 'index.ts');
export const FAKE_LIST = path.join(ROOT, 'test', 'fakes', 'preset-fake-list.ts');
const MADE =
  '// Made by scripts/preset-lists.ts from the preset files: run `npx tsx scripts/preset-lists.ts`, do not edit.';

interface PresetSource {
  name: string;
  id: string;
  rank: number;
}

/** Each preset file's exported name, id and place in the list, read from its text (it cannot be imported before the list exists). */
export function presetSources(): PresetSource[] {
  return readdirSync(PRESETS_DIR)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'define-preset.ts')
    .map((file) => {
      const text = readFileSync(path.join(PRESETS_DIR, file), 'utf8');
      const name = /export const (\w+) = definePreset\(/.exec(text)?.[1];
      const id = /\n {2}id: '([^']+)'/.exec(text)?.[1];
      const rank = Number(/\n {2}listRank: (\d+)/.exec(text)?.[1]);
      if (!name || !id || !Number.isInteger(rank))
        throw new Error(`${file} is not a preset made with definePreset({ id, listRank, ... })`);
      if (`${id}.ts` !== file) throw new Error(`${file} holds the preset "${id}": name the file after it`);
      return { name, id, rank };
    })
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
}

export function presetIndex(presets: readonly PresetSource[]): string {
  return [
    MADE,
    ...presets.map((p) => `import { ${p.name} } from './${p.id}';`),
    '',
    "/** Every preset, in the order the add form lists the popular APIs (each file's listRank). */",
    `export const PRESETS = [${presets.map((p) => p.name).join(', ')}] as const;`,
    '',
  ].join('\n');
}

export function fakeList(presets: readonly PresetSource[]): string {
  const missing = presets.filter((p) => !existsSync(path.join(ROOT, 'test', 'fixtures', p.id, 'fake.ts')));
  if (missing.length > 0)
    throw new Error(`no test/fixtures/<id>/fake.ts for ${missing.map((p) => p.id).join(', ')}`);
  const sorted = [...presets].sort((a, b) => a.id.localeCompare(b.id));
  return [
    MADE,
    "import type { PresetId } from '../../shared/providers';",
    ...sorted.map((p) => `import { fake as ${p.name} } from '../fixtures/${p.id}/fake';`),
    "import type { PresetFake } from './preset-fakes';",
    '',
    "/** Each preset's fake, from beside its documented example. */",
    'export const PRESET_FAKES: Record<PresetId, PresetFake> = {',
    ...sorted.map((p) => (p.name === p.id ? `  ${p.id},` : `  '${p.id}': ${p.name},`)),
    '};',
    '',
  ].join('\n');
}

if (require.main === module) {
  const presets = presetSources();
  writeFileSync(PRESET_INDEX, presetIndex(presets));
  writeFileSync(FAKE_LIST, fakeList(presets));
}

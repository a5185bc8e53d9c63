import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollerFor } from '../../main/core/providers/registry';
import { FAKE_LIST, fakeList, PRESET_INDEX, presetIndex, presetSources } from '../../scripts/preset-lists';
import { providerTable, TABLE_END, TABLE_START, withProviderTable } from '../../scripts/provider-table';
import { Account } from '../../shared/config';
import { DESCRIPTORS, type FieldSpec, hasCredential, isPreset } from '../../shared/providers';
import { fixtureDir } from '../fakes/fake-server';
import { FAKE_STARTERS } from '../fakes/providers';

const ROOT = path.resolve(__dirname, '..', '..');

describe('provider descriptors', () => {
  it.each(DESCRIPTORS.map((d) => [d.id]))(
    '%s has its adapter, and (when it has a key) fixtures and a fake',
    (id) => {
      expect(pollerFor(id).id).toBe(id);
      if (!hasCredential(id)) return;
      expect(existsSync(fixtureDir(id))).toBe(true);
      expect(FAKE_STARTERS[id as keyof typeof FAKE_STARTERS]).toBeTypeOf('function');
    },
  );

  it('the preset lists are the ones the preset files make (scripts/preset-lists.ts)', () => {
    const presets = presetSources();
    expect(presets.map((p) => p.id).sort()).toEqual(
      DESCRIPTORS.map((d) => d.id)
        .filter(isPreset)
        .sort(),
    );
    expect(readFileSync(PRESET_INDEX, 'utf8')).toBe(presetIndex(presets));
    expect(readFileSync(FAKE_LIST, 'utf8')).toBe(fakeList(presets));
  });

  it('the README table is the one the descriptors make', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`${TABLE_START}\n${providerTable()}\n${TABLE_END}`);
    expect(withProviderTable(readme)).toBe(readme);
  });

  it.each(
    DESCRIPTORS.flatMap((d) =>
      (d.fields as readonly FieldSpec[]).filter((f) => f.required).map((f) => [d.id, f.path]),
    ),
  )('the schema requires what %s declares required: %s', (provider, fieldPath) => {
    const parsed = Account.safeParse({ id: 'x', provider, label: 'X' });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain(fieldPath.startsWith('custom.') ? 'custom' : fieldPath);
  });

  it('a provider whose fields are all optional validates with none given', () => {
    for (const d of DESCRIPTORS) {
      if ((d.fields as readonly FieldSpec[]).some((f) => f.required)) continue;
      expect(Account.safeParse({ id: 'x', provider: d.id, label: 'X' }).success, d.id).toBe(true);
    }
  });

  it('no provider flags outside the descriptors: the old per-provider booleans are gone', () => {
    const sources = ['shared', 'main', 'renderer'].flatMap((dir) => listTs(path.join(ROOT, dir)));
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/needsNetwork|needsUserId|needsCustom/);
      if (!file.includes(`${path.sep}providers${path.sep}`)) expect(text, file).not.toMatch(/['"]demo['"]/);
    }
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listTs(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

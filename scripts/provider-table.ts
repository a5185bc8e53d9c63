/**
 * The README's provider table, made from the descriptors. `npx tsx scripts/provider-table.ts` rewrites it in
 * place; a test fails when the README and the descriptors disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../shared/i18n/catalog';
import { DESCRIPTORS, type FieldSpec } from '../shared/providers';

export const TABLE_START = '<!-- provider table: made from shared/providers by scripts/provider-table.ts -->';
export const TABLE_END = '<!-- end of provider table -->';

/** 7200 s as "2 h", 60 s as "60 s". */
function waitText(seconds: number): string {
  return seconds >= 3600 && seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`;
}

export function providerTable(): string {
  const rows = DESCRIPTORS.map((d) => {
    const fields = (d.fields as readonly FieldSpec[]).filter((f) => f.required).map((f) => `\`--${f.flag}\``);
    // The credential as the add form names it: "API key", or the cost reports' "Admin API key".
    const key = d.credential.kind === 'none' ? 'no key' : en[d.credential.label];
    const needs = [key, ...fields].join(', ');
    return `| \`${d.id}\` | ${d.displayName} | ${d.reads} | ${needs} | ${waitText(d.defaultPollSeconds)} |`;
  });
  return [
    '| provider | name | what Creditbar reads | needs | longest wait between checks |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README with its table section replaced by the table the descriptors make. */
export function withProviderTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has no provider table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${providerTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '..', 'README.md');
  writeFileSync(file, withProviderTable(readFileSync(file, 'utf8')));
}

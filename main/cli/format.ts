import { ERROR_KINDS } from '../../shared/error-kinds';
import type { Translator } from '../../shared/i18n/translator';
import type { AccountStatus } from '../../shared/model';

/** Terminal cells a text takes: East Asian wide characters take two. */
function cells(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

/** An aligned table a person reads at a glance: worst accounts first is left to the caller's order. */
export function statusTable(tr: Translator, accounts: readonly AccountStatus[], now: Date): string {
  const { t, say, agoText, headlineText } = tr;
  const rows = accounts.map((a) => [
    a.label,
    a.provider,
    [t(`level.${a.level}`), a.stale ? t('cli.stale') : '', a.partial ? t('cli.partial') : '']
      .filter(Boolean)
      .join(' '),
    headlineText(a),
    a.fetchedAt ? agoText(a.fetchedAt, now.getTime()) : t('cli.never'),
    a.error ? `${t(ERROR_KINDS[a.error.kind].label)}: ${say(a.error.message)}` : '',
  ]);
  const header = [
    t('cli.col.account'),
    t('cli.col.provider'),
    t('cli.col.level'),
    t('cli.col.figure'),
    t('cli.col.updated'),
    t('cli.col.problem'),
  ];
  // Columns line up by what a terminal shows: a Chinese character takes two cells.
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : `${cell}${' '.repeat(Math.max(0, (widths[i] ?? 0) - cells(cell)))}`,
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

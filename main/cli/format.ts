import { ERROR_KINDS } from '../../shared/error-kinds';
import type { Translator } from '../../shared/i18n/translator';
import type { AccountStatus, StatusOutlook } from '../../shared/model';

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

/** One row of the table: an account's status, and what is ahead of it. */
export interface StatusRow {
  status: AccountStatus;
  outlook: StatusOutlook;
}

/** When the account runs out at its pace (a date and a span), else when its quota resets; empty when neither. */
function ahead(tr: Translator, { outlook }: StatusRow, now: Date): string {
  const { t, intl } = tr;
  if (outlook.runwayDays !== null && outlook.emptyAt !== null) {
    const date = intl().dayMonth.format(new Date(outlook.emptyAt));
    return outlook.runwayDays < 1
      ? t('cli.runsOutWithinDay', { date })
      : t('cli.runsOutIn', { count: Math.round(outlook.runwayDays), date });
  }
  if (outlook.resetsAt !== null && Date.parse(outlook.resetsAt) > now.getTime())
    return t('cli.resetsOn', { date: intl().dayMonth.format(new Date(outlook.resetsAt)) });
  return '';
}

/**
 * An aligned table a person reads at a glance, in the order given (status gives worst first): the id a command
 * needs, the figure, when it runs out, and why its level is what it is.
 */
export function statusTable(tr: Translator, rows: readonly StatusRow[], now: Date): string {
  const { t, say, agoText, headlineText } = tr;
  const cellsOf = (row: StatusRow) => {
    const a = row.status;
    const problem = a.error
      ? `${t(ERROR_KINDS[a.error.kind].label)}: ${say(a.error.message)}`
      : a.reason
        ? say(a.reason)
        : '';
    return [
      a.id,
      a.label,
      a.provider,
      [t(`level.${a.level}`), a.stale ? t('cli.stale') : '', a.partial ? t('cli.partial') : '']
        .filter(Boolean)
        .join(' '),
      headlineText(a),
      ahead(tr, row, now),
      a.fetchedAt ? agoText(a.fetchedAt, now.getTime()) : t('cli.never'),
      problem,
    ];
  };
  const table = rows.map(cellsOf);
  const header = [
    t('cli.col.id'),
    t('cli.col.account'),
    t('cli.col.provider'),
    t('cli.col.level'),
    t('cli.col.figure'),
    t('cli.col.ahead'),
    t('cli.col.updated'),
    t('cli.col.problem'),
  ];
  return alignedTable(header, table);
}

/** Rows under a header, each column as wide as its widest cell as a terminal shows it (a Chinese character: two). */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : `${cell}${' '.repeat(Math.max(0, (widths[i] ?? 0) - cells(cell)))}`,
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

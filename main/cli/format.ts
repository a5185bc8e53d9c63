import type { Translator } from '../../shared/i18n/translator';
import type { AccountStatus, Level, StatusOutlook } from '../../shared/model';
import type { PaintedPart } from './context';

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
export function statusTable(
  tr: Translator,
  rows: readonly StatusRow[],
  now: Date,
): { header: string[]; cells: string[][]; painted: { column: number; levels: Level[] } } {
  const { t, say, agoText, headlineText } = tr;
  const cellsOf = (row: StatusRow) => {
    const a = row.status;
    // The error's message names its kind itself ("The key was rejected (401)"): said once, not after its label.
    const problem = a.error ? say(a.error.message) : a.reason ? say(a.reason) : '';
    const notes = [a.stale ? t('cli.stale') : '', a.partial ? t('cli.partial') : ''].filter(Boolean);
    return [
      a.id,
      a.label,
      a.provider,
      notes.length > 0
        ? t('cli.levelNoted', {
            level: t(`level.${a.level}`),
            notes: new Intl.ListFormat(tr.language, { type: 'conjunction' }).format(notes),
          })
        : t(`level.${a.level}`),
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
  // The LEVEL column is painted in a terminal that shows colour.
  const painted = { column: header.indexOf(t('cli.col.level')), levels: rows.map((row) => row.status.level) };
  return { header, cells: table, painted };
}

/** Each line's cells, each padded to its column's width as a terminal shows it (a Chinese character: two). */
function paddedLines(header: readonly string[], rows: readonly (readonly string[])[]): string[][] {
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i] ?? ''))));
  return [header, ...rows].map((row) =>
    row.map((cell, i) =>
      i === row.length - 1 ? cell : `${cell}${' '.repeat(Math.max(0, (widths[i] ?? 0) - cells(cell)))}`,
    ),
  );
}

/** Rows under a header, each column as wide as its widest cell. */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return paddedLines(header, rows)
    .map((line) => line.join('  ').trimEnd())
    .join('\n');
}

/**
 * The same table as parts to print, one column's cells in their row's level colour (the padding after them is
 * not painted, so the columns stay where alignedTable puts them).
 */
export function paintedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  painted: { column: number; levels: readonly Level[] },
): PaintedPart[] {
  const parts: PaintedPart[] = [];
  paddedLines(header, rows).forEach((line, index) => {
    const level = index === 0 ? undefined : painted.levels[index - 1];
    const cell = rows[index - 1]?.[painted.column] ?? '';
    const padded = line[painted.column] ?? '';
    const before = line
      .slice(0, painted.column)
      .map((c) => `${c}  `)
      .join('');
    const after = `${padded.slice(cell.length)}  ${line.slice(painted.column + 1).join('  ')}`.trimEnd();
    if (level === undefined) parts.push({ text: `${line.join('  ').trimEnd()}\n` });
    else parts.push({ text: before }, { text: cell, level }, { text: `${after}\n` });
  });
  return parts;
}

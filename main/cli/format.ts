import type { MessageKey } from '../../shared/i18n/catalog';
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
): { header: string[]; cells: string[][]; painted: { column: number; levels: (Level | undefined)[] } } {
  const { t, say, agoText, headlineText, intl } = tr;
  // The columns in order, each with its heading and how a row fills it; the level's is the one painted.
  const columns: [MessageKey, (row: StatusRow) => string][] = [
    ['cli.col.id', ({ status }) => status.id],
    ['cli.col.account', ({ status }) => status.label],
    ['cli.col.provider', ({ status }) => status.provider],
    [
      'cli.col.level',
      ({ status: a }) => {
        const notes = [a.stale ? t('cli.stale') : '', a.partial ? t('cli.partial') : ''].filter(Boolean);
        // Nothing judges an ok level yet (no levels, no runway, no balance stated): neutral, never "ok".
        const level = a.judged ? t(`level.${a.level}`) : t('level.notJudged');
        return notes.length > 0 ? t('cli.levelNoted', { level, notes: intl().list.format(notes) }) : level;
      },
    ],
    ['cli.col.figure', ({ status }) => headlineText(status)],
    ['cli.col.ahead', (row) => ahead(tr, row, now)],
    [
      'cli.col.updated',
      ({ status }) => (status.fetchedAt ? agoText(status.fetchedAt, now.getTime()) : t('cli.never')),
    ],
    // The error's message names its kind itself ("The key was rejected (401)"): said once, not after its label.
    [
      'cli.col.problem',
      ({ status }) => (status.error ? say(status.error.message) : status.reason ? say(status.reason) : ''),
    ],
  ];
  return {
    header: columns.map(([key]) => t(key)),
    cells: rows.map((row) => columns.map(([, cell]) => cell(row))),
    // Painted in a terminal that shows colour.
    painted: {
      column: columns.findIndex(([key]) => key === 'cli.col.level'),
      levels: rows.map((row) => (row.status.judged ? row.status.level : undefined)),
    },
  };
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
  painted: { column: number; levels: readonly (Level | undefined)[] },
): PaintedPart[] {
  const parts: PaintedPart[] = [];
  paddedLines(header, rows).forEach((line, index) => {
    const level = painted.levels[index - 1];
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

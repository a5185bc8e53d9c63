import { agoText, headlineText } from '../../shared/format';
import type { AccountStatus } from '../../shared/model';

/** An aligned table a person reads at a glance: worst accounts first is left to the caller's order. */
export function statusTable(accounts: readonly AccountStatus[], now: Date): string {
  const rows = accounts.map((a) => [
    a.label,
    a.provider,
    [a.level, a.stale ? '(stale)' : '', a.partial ? '(partial)' : ''].filter(Boolean).join(' '),
    headlineText(a),
    a.fetchedAt ? agoText(a.fetchedAt, now.getTime()) : 'never',
    a.error ? `${a.error.kind}: ${a.error.message}` : '',
  ]);
  const header = ['ACCOUNT', 'PROVIDER', 'LEVEL', 'BALANCE / QUOTA', 'UPDATED', 'PROBLEM'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

import { formatAmount } from '../../shared/format';
import type { AccountStatus } from '../../shared/model';

export function formatAge(fetchedAt: string | null, now: Date): string {
  if (!fetchedAt) return 'never';
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(fetchedAt)) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

function headline(status: AccountStatus): string {
  if (status.remaining !== null) return `${formatAmount(status.remaining)} ${status.unit ?? ''}`.trim();
  const worst = [...status.quotas].sort((a, b) => b.percentUsed - a.percentUsed)[0];
  return worst ? `${formatAmount(worst.percentUsed)}% ${worst.name}` : '—';
}

/** An aligned table a person reads at a glance: worst accounts first is left to the caller's order. */
export function statusTable(accounts: readonly AccountStatus[], now: Date): string {
  const rows = accounts.map((a) => [
    a.label,
    a.provider,
    a.stale ? `${a.level} (stale)` : a.level,
    headline(a),
    formatAge(a.fetchedAt, now),
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

import { worstQuota as fullestQuota, headlineText, severityRank } from '../../../shared/format';
import type { AccountStatus } from '../../../shared/model';

/** What the tray shows, before any drawing: the number, its colour, whether it is old, and a tooltip. */
export type BadgeTone = 'ok' | 'warning' | 'critical' | 'empty' | 'error' | 'idle';

export interface BadgeModel {
  /** Short enough to draw in a 16 px icon: "1.2k", "35", "-4", "87%", "?" — or "" with no accounts. */
  text: string;
  tone: BadgeTone;
  stale: boolean;
  tooltip: string;
  /** The account the number belongs to, so a click can open it. */
  accountId: string | null;
}

export type BadgeAccount = Pick<
  AccountStatus,
  'id' | 'label' | 'level' | 'stale' | 'remaining' | 'unit' | 'quotas' | 'error'
>;

/** The badge's tones follow the one severity order; `error` (no current value) ranks as `unknown`, idle below all. */
const TONE_RANK: Record<BadgeTone, number> = {
  idle: -1,
  ok: severityRank('ok'),
  error: severityRank('unknown'),
  warning: severityRank('warning'),
  critical: severityRank('critical'),
  empty: severityRank('empty'),
};

function toneOf(account: BadgeAccount): BadgeTone {
  if (account.level === 'unknown') return 'error';
  if (account.level === 'ok' && account.error && !account.stale) return 'error';
  return account.level;
}

function worstQuota(account: BadgeAccount): number | null {
  return fullestQuota(account)?.percentUsed ?? null;
}

/** Compact numbers that fit four glyphs: 35, 999, 1.2k, 12k, 120k, 1.2M, -4. */
export function compactNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const scaled = (n: number, suffix: string) => {
    const text = n < 10 ? (Math.floor(n * 10) / 10).toFixed(1).replace(/\.0$/, '') : String(Math.floor(n));
    return `${sign}${text}${suffix}`;
  };
  if (abs < 1000)
    return `${sign}${abs < 10 && abs % 1 !== 0 ? (Math.floor(abs * 10) / 10).toString() : Math.floor(abs)}`;
  if (abs < 1e6) return scaled(abs / 1e3, 'k');
  if (abs < 1e9) return scaled(abs / 1e6, 'M');
  return scaled(abs / 1e9, 'G');
}

function headline(account: BadgeAccount): string {
  if (account.remaining !== null) return compactNumber(account.remaining);
  const percent = worstQuota(account);
  return percent !== null ? `${Math.min(999, Math.round(percent))}%` : '?';
}

/**
 * Within one tone, which account speaks for all: prepaid before quota (credits left is the number people act
 * on), then the lowest balance, then the fullest quota.
 */
function compareWithinTone(a: BadgeAccount, b: BadgeAccount): number {
  const aPrepaid = a.remaining !== null;
  const bPrepaid = b.remaining !== null;
  if (aPrepaid !== bPrepaid) return aPrepaid ? -1 : 1;
  if (aPrepaid && bPrepaid) return (a.remaining as number) - (b.remaining as number);
  return (worstQuota(b) ?? -1) - (worstQuota(a) ?? -1);
}

function tooltipLine(account: BadgeAccount): string {
  const notes = [
    account.level !== 'ok' ? account.level : null,
    account.stale ? 'stale' : null,
    account.error ? account.error.kind : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${account.label}: ${headlineText(account)}${notes ? ` (${notes})` : ''}`;
}

/** How each tone is said in the summary, most urgent first; `ok` and `idle` are not listed. */
const TONE_WORDS: [BadgeTone, string][] = [
  ['empty', 'empty'],
  ['critical', 'critical'],
  ['warning', 'low'],
  ['error', 'without current data'],
];

/** The state in words, for the tooltip's first line and screen readers: "Creditbar: 1 of 3 accounts low". */
export function stateInWords(accounts: readonly BadgeAccount[], paused: boolean): string {
  const name = `Creditbar${paused ? ' (paused)' : ''}`;
  const total = accounts.length;
  const counts = TONE_WORDS.map(
    ([tone, words]) => [accounts.filter((a) => toneOf(a) === tone).length, words] as const,
  ).filter(([count]) => count > 0);
  const noun = total === 1 ? 'account' : 'accounts';
  if (counts.length === 0)
    return `${name}: ${total === 1 ? 'the account is' : `all ${total} accounts are`} ok`;
  const [first, ...rest] = counts.map(([count, words]) => `${count} ${words}`);
  return `${name}: ${first?.replace(/^(\d+)/, `$1 of ${total} ${noun}`)}${rest.map((r) => `, ${r}`).join('')}`;
}

export function badgeModel(accounts: readonly BadgeAccount[], paused = false): BadgeModel {
  if (accounts.length === 0) {
    return { text: '', tone: 'idle', stale: false, tooltip: 'Creditbar: no accounts yet', accountId: null };
  }
  const worst = [...accounts].sort(
    (a, b) => TONE_RANK[toneOf(b)] - TONE_RANK[toneOf(a)] || compareWithinTone(a, b),
  )[0] as BadgeAccount;
  const lines = accounts.map(tooltipLine);
  return {
    text: headline(worst),
    tone: toneOf(worst),
    stale: worst.stale,
    tooltip: [stateInWords(accounts, paused), ...lines].join('\n'),
    accountId: worst.id,
  };
}

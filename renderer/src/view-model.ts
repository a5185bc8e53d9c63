import type { AccountView } from '../../shared/app-state';
import { agoText, daysText, formatAmount, severityRank } from '../../shared/format';
import type { Level } from '../../shared/model';

export { headline } from '../../shared/format';

/** Worst first; within a level, errors before quiet accounts, then by label. */
export function sortAccounts(accounts: readonly AccountView[]): AccountView[] {
  return [...accounts].sort(
    (a, b) =>
      severityRank(b.level as Level) - severityRank(a.level as Level) ||
      Number(!!b.error) - Number(!!a.error) ||
      a.label.localeCompare(b.label),
  );
}

export function needsAttention(account: AccountView): boolean {
  return account.level !== 'ok' || account.error !== null;
}

export function summaryLine(accounts: readonly AccountView[]): string {
  const count = accounts.filter(needsAttention).length;
  if (accounts.length === 0) return 'No accounts yet';
  if (count === 0) return accounts.length === 1 ? 'All good' : `All ${accounts.length} accounts are fine`;
  return `${count} of ${accounts.length} need${count === 1 ? 's' : ''} attention`;
}

// Made once: toLocaleTimeString with options builds a new formatter on every call, about a millisecond each, which
// twenty rows paid on every state pushed.
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

export function clockTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** One short line on how fresh the number is and what, if anything, is wrong — in plain words. */
export function statusLine(account: AccountView, now: number): string {
  const from = account.fetchedAt ? ` — showing value from ${clockTime(account.fetchedAt)}` : '';
  switch (account.error?.kind) {
    case undefined:
      return account.fetchedAt ? `updated ${agoText(account.fetchedAt, now)}` : 'waiting for the first check';
    case 'auth':
      return 'key rejected — update key';
    case 'forbidden':
      return 'this key may not read usage — check its permissions';
    case 'no_credentials':
      return 'no key yet — add one';
    case 'keychain_unavailable':
      return 'keychain locked or missing — unlock it';
    case 'payment':
      return 'out of credit — top up';
    case 'rate_limited':
      return account.retryAt
        ? `rate-limited until ${clockTime(account.retryAt)}${from}`
        : `rate-limited${from}`;
    case 'network':
    case 'timeout':
      return `offline${from}`;
    case 'config':
    case 'not_found':
      return 'check the account settings';
    default:
      return `the provider is having trouble${from}`;
  }
}

export function daysLeftText(account: AccountView): string | null {
  const f = account.forecast;
  if (!f || f.burnPerDay === null) return null;
  if (f.daysLeft === null) return 'not spending';
  return `${daysText(f.daysLeft)} at ${formatAmount(f.burnPerDay)}/day`;
}

export interface SeriesPoint {
  t: number;
  remaining: number | null;
  maxPercent: number | null;
}

/** Credits used per UTC day, from balance decreases only (a top-up is not negative use). */
export function dailyConsumption(points: readonly SeriesPoint[]): { day: number; used: number }[] {
  const byDay = new Map<number, number>();
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as SeriesPoint;
    const b = points[i] as SeriesPoint;
    if (a.remaining === null || b.remaining === null || b.remaining >= a.remaining) continue;
    const day = Math.floor(b.t / 86_400_000) * 86_400_000;
    byDay.set(day, (byDay.get(day) ?? 0) + (a.remaining - b.remaining));
  }
  return [...byDay.entries()].sort((x, y) => x[0] - y[0]).map(([day, used]) => ({ day, used }));
}

/** A short text description of a chart, for screen readers. */
export function seriesSummary(points: readonly SeriesPoint[], unit: string): string {
  const values = points.map((p) => p.remaining ?? p.maxPercent).filter((v): v is number => v !== null);
  if (values.length === 0) return 'No history yet.';
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  return `From ${formatAmount(first)} to ${formatAmount(last)} ${unit}; lowest ${formatAmount(Math.min(...values))}, highest ${formatAmount(Math.max(...values))}.`;
}

/** The forecast as sentences: pace and days left, the projected empty date, the quota at period end. */
export function forecastText(account: AccountView): string {
  const parts: string[] = [];
  const pace = daysLeftText(account);
  parts.push(pace ? `${pace[0]?.toUpperCase()}${pace.slice(1)}.` : 'Not enough history yet to forecast.');
  const f = account.forecast;
  if (f?.emptyAt) {
    parts.push(`Runs out around ${DAY_MONTH.format(new Date(f.emptyAt))}.`);
  }
  if (f?.quotaPercentAtEnd != null)
    parts.push(`Quota expected at ${formatAmount(f.quotaPercentAtEnd)}% by the end of the period.`);
  return parts.join(' ');
}

const NEXT_WHY: Record<NonNullable<AccountView['nextCheck']>['why'], string> = {
  'near-level': 'close to one of your levels, so sooner',
  learning: 'still learning how fast it is spent',
  idle: 'nothing has changed for hours, so less often',
  steady: 'far from your levels',
  backoff: 'after an error, waiting a little longer each time',
  'rate-limited': 'the provider asked Creditbar to wait',
  payment: 'out of credit, checking every half hour',
};

/** When the next check is and why, in plain words ("Next check 14:20, far from your levels."). */
export function nextCheckText(account: AccountView): string | null {
  if (!account.nextCheck) return null;
  return `Next check ${clockTime(account.nextCheck.at)}, ${NEXT_WHY[account.nextCheck.why]}.`;
}

import type { AccountView } from '../../shared/app-state';
import { ERROR_KINDS } from '../../shared/error-kinds';
import type { MessageKey } from '../../shared/i18n/catalog';
import { SENTENCE_GAP } from '../../shared/i18n/languages';
import type { Translator } from '../../shared/i18n/translator';
import { byNeed } from '../../shared/need-order';
import {
  balanceThresholds,
  quotaThresholds,
  type Threshold,
  type ThresholdLevel,
} from '../../shared/thresholds';
import { detectTopUps, type TopUp } from '../../shared/top-ups';

/** Most in need first: the order the tray picks its account by (shared/need-order). */
export function sortAccounts(accounts: readonly AccountView[]): AccountView[] {
  return byNeed(accounts);
}

export function needsAttention(account: AccountView): boolean {
  return account.level !== 'ok' || account.error !== null;
}

export function summaryLine(tr: Translator, accounts: readonly AccountView[]): string {
  const { t, intl } = tr;
  const count = accounts.filter(needsAttention).length;
  if (accounts.length === 0) return t('summary.noAccounts');
  if (count === 0)
    return accounts.length === 1 ? t('summary.allGood') : t('summary.allFine', { count: accounts.length });
  return t('summary.attention', { count, total: intl().integer.format(accounts.length) });
}

// Formatters come made once per language from intl(): toLocaleTimeString with options builds a new one on every
// call, about a millisecond each, which twenty rows paid on every state pushed.
export function clockTime(tr: Translator, iso: string): string {
  const { intl } = tr;
  return intl().time.format(new Date(iso));
}

/** One short line on how fresh the number is and what, if anything, is wrong — in plain words. */
export function statusLine(tr: Translator, account: AccountView, now: number): string {
  const { t, agoText } = tr;
  const from = account.fetchedAt ? t('status.from', { time: clockTime(tr, account.fetchedAt) }) : '';
  if (!account.error) {
    return account.fetchedAt
      ? t('status.updated', { ago: agoText(account.fetchedAt, now) })
      : t('status.waiting');
  }
  // A rate limit that says when it ends names the time.
  if (account.error.kind === 'rate_limited' && account.retryAt)
    return t('status.rateLimitedUntil', { time: clockTime(tr, account.retryAt), from });
  return t(ERROR_KINDS[account.error.kind].status, { from });
}

export function daysLeftText(tr: Translator, account: AccountView): string | null {
  const { t, formatAmount, daysText } = tr;
  const f = account.forecast;
  if (!f || f.burnPerDay === null) return null;
  if (f.daysLeft === null) return t('pace.notSpending');
  return t('pace.daysAt', { days: daysText(f.daysLeft), burn: formatAmount(f.burnPerDay) });
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
    const day = Math.floor(b.t / DAY_MS) * DAY_MS;
    byDay.set(day, (byDay.get(day) ?? 0) + (a.remaining - b.remaining));
  }
  return [...byDay.entries()].sort((x, y) => x[0] - y[0]).map(([day, used]) => ({ day, used }));
}

const DAY_MS = 86_400_000;

/**
 * A chart in words, for screen readers: its range, the last value, which way it went, and the days left when a
 * forecast has them.
 */
export function seriesSummary(
  tr: Translator,
  points: readonly SeriesPoint[],
  unit: string,
  daysLeft?: number | null,
): string {
  const { t, formatAmount, daysText } = tr;
  const values = points.map((p) => p.remaining ?? p.maxPercent).filter((v): v is number => v !== null);
  if (values.length === 0) return t('chart.noHistory');
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  const spread = Math.max(...values) - Math.min(...values);
  // A change under 1 % of the range drawn reads as flat: noise is not a trend.
  const trend = Math.abs(last - first) <= spread * 0.01 ? 'flat' : last < first ? 'falling' : 'rising';
  const parts = [
    t('chart.summary', {
      first: formatAmount(first),
      last: formatAmount(last),
      unit,
      trend: t(`chart.trend.${trend}`),
      low: formatAmount(Math.min(...values)),
      high: formatAmount(Math.max(...values)),
    }),
  ];
  if (daysLeft != null) parts.push(t('chart.leftAtPace', { days: daysText(daysLeft) }));
  return parts.join(' ');
}

export interface ChartLevel {
  value: number;
  level: 'warning' | 'critical' | 'empty';
  label: string;
}

/**
 * The alert levels a history chart draws as lines: the balance levels the person set (and empty at zero), or for a
 * quota chart its percent levels (the defaults when none are set).
 */
export function chartLevels(tr: Translator, account: AccountView, percentChart: boolean): ChartLevel[] {
  const { t, formatAmount } = tr;
  const unit = percentChart ? '%' : '';
  const label = ({ level, value }: Threshold) =>
    level === 'empty'
      ? t('chart.levelEmpty')
      : t(level === 'warning' ? 'chart.levelWarning' : 'chart.levelCritical', {
          value: `${formatAmount(value)}${unit}`,
        });
  // Warning first, as the legend reads from the mildest level down.
  return (percentChart ? quotaThresholds(account.alerts) : balanceThresholds(account.alerts))
    .slice()
    .sort((x, y) => LEVEL_ORDER.indexOf(x.level) - LEVEL_ORDER.indexOf(y.level))
    .map((threshold) => ({ value: threshold.value, level: threshold.level, label: label(threshold) }));
}

const LEVEL_ORDER: readonly ThresholdLevel[] = ['warning', 'critical', 'empty'];

/**
 * The top-ups a detail lists when the provider lists none of its own: told from the readings shown
 * (shared/top-ups.ts), the newest five first. None for a quota's percent.
 */
export function seenTopUps(
  points: readonly SeriesPoint[],
  purchases: readonly unknown[] | undefined,
  percent: boolean,
): TopUp[] {
  if (purchases?.length || percent) return [];
  return detectTopUps(points).reverse().slice(0, 5);
}

/** When the balance took in credit (shared/top-ups.ts): marked on the chart. */
export function topUpTimes(points: readonly SeriesPoint[]): number[] {
  return detectTopUps(points).map((topUp) => topUp.t);
}

/**
 * The forecast as a line from the last balance to zero on the projected empty date. A date past `horizon` is cut
 * there, at the balance the same pace gives then, so a far date does not squeeze the history into a corner.
 */
export function forecastLine(
  account: AccountView,
  points: readonly SeriesPoint[],
  horizon: number,
): { from: { t: number; v: number }; to: { t: number; v: number } } | null {
  const emptyAt = account.forecast?.emptyAt ? Date.parse(account.forecast.emptyAt) : Number.NaN;
  const last = [...points].reverse().find((p) => p.remaining !== null);
  if (!last || last.remaining === null || !Number.isFinite(emptyAt) || emptyAt <= last.t) return null;
  const from = { t: last.t, v: last.remaining };
  if (emptyAt <= horizon) return { from, to: { t: emptyAt, v: 0 } };
  const share = (horizon - last.t) / (emptyAt - last.t);
  return { from, to: { t: horizon, v: last.remaining * (1 - share) } };
}

/** Saturday or Sunday, for the day a bar stands for (UTC days, as dailyConsumption counts them). */
/** The round number at or above `value` a scale tops out at: 1, 2, 2.5 or 5 times a power of ten (194 → 200). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

export function isWeekend(day: number): boolean {
  const weekday = new Date(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export type SnoozeChoice = '1h' | '8h' | 'tomorrow';

/** When a snooze ends: in one hour, in eight, or tomorrow at 08:00 local time (the start of a working day). */
export function snoozeUntil(choice: SnoozeChoice, now: number): number {
  if (choice === '1h') return now + 3_600_000;
  if (choice === '8h') return now + 8 * 3_600_000;
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(8, 0, 0, 0);
  return next.getTime();
}

/** A moment to come, as short as it can be said: "14:20" today, "Tue 08:00" on another day. */
export function laterText(tr: Translator, at: number, now: number): string {
  const { intl } = tr;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return sameDay ? intl().time.format(at) : intl().weekdayTime.format(at);
}

/** "snoozed until 14:20" today, "snoozed until Tue 08:00" on another day; null when not snoozed. */
export function snoozedText(tr: Translator, account: AccountView, now: number): string | null {
  const { t } = tr;
  if (!account.snoozedUntil) return null;
  const until = Date.parse(account.snoozedUntil);
  if (!(until > now)) return null;
  return t('snooze.until', { time: laterText(tr, until, now) });
}

/** The forecast as sentences: pace and days left, the projected empty date, the quota at period end. */
export function forecastText(tr: Translator, account: AccountView): string {
  const { t, intl, formatAmount } = tr;
  const parts: string[] = [];
  const pace = daysLeftText(tr, account);
  parts.push(
    pace
      ? t('forecast.pace', { pace: `${pace[0]?.toUpperCase()}${pace.slice(1)}` })
      : t('forecast.noHistory'),
  );
  const f = account.forecast;
  if (f?.emptyAt)
    parts.push(t('forecast.runsOut', { date: intl().dayMonthLong.format(new Date(f.emptyAt)) }));
  if (f?.quotaPercentAtEnd != null)
    parts.push(t('forecast.quotaAtEnd', { percent: formatAmount(f.quotaPercentAtEnd) }));
  return parts.join(SENTENCE_GAP[tr.language]);
}

/** When the next check is and why, in plain words ("Next check 14:20, far from your levels."). */
export function nextCheckText(tr: Translator, account: AccountView): string | null {
  const { t } = tr;
  if (!account.nextCheck) return null;
  const why: MessageKey = `next.why.${account.nextCheck.why}`;
  return t('next.check', { time: clockTime(tr, account.nextCheck.at), why: t(why) });
}

/**
 * An amount as typed in the reader's language ("87,66" in German, "1,234.50" in English) as the ledger keeps it
 * ("87.66"); null when it is not one. Spaces and a currency sign around it are let go.
 */
export function amountFromInput(text: string, decimal: string, group: string): string | null {
  const bare = text.replace(/[\s\u00a0\u202f$€£¥]/gu, '');
  // With the language's decimal sign, its group signs go; without it, a point is a decimal point in any
  // language ("87.66" is never 8,766).
  const normal = bare.includes(decimal) ? bare.split(group).join('').replace(decimal, '.') : bare;
  return /^\d{1,12}(\.\d{1,12})?$/.test(normal) ? normal : null;
}

import type { Formats } from './i18n/formats';
import { ownWord } from './i18n/own-words';
import type { Translate } from './i18n/translate';
import type { Level, Quota } from './model';

/**
 * How every surface (popover, tray, menu, notifications, CLI) writes numbers, levels and times, so the same fact
 * reads the same everywhere. The writers come in a Translator (shared/i18n/translator.ts), made for one language.
 */

type HeadlineSource = {
  remaining: number | null;
  unit: string | null;
  quotas: readonly Pick<Quota, 'name' | 'percentUsed'>[];
  /** What a key with no limit (OpenRouter's) spent: its only figure when there is no balance and no quota. */
  usedThisPeriod?: number | null;
  /** Set on a ledger account: its balance is an estimate, written "≈ $87.66", never as if the vendor had said it. */
  ledger?: unknown;
};

export interface Writers {
  /** Whole numbers from 100 up, two decimals below: "1,840", "35", "4.3", "-4". */
  formatAmount(value: number): string;
  /** The popover's setting: "1,840" (full) or "1.8K" (compact). */
  formatNumber(value: number, format?: 'full' | 'compact'): string;
  /**
   * A unit as a person reads it: "credits" when one reports none, and the units our presets and adapters write
   * (own-words.ts), in the person's language; a provider's own unit as it named it.
   */
  unitLabel(unit: string | null): string;
  /**
   * A quota's name: the provider's own ("API calls"), or the unit it limits (a custom endpoint's quota is named for
   * its unit), in the person's language where it is one we translate.
   */
  quotaName(name: string): string;
  /** "1,840 credits", "$12.50" ("12,50 $" in German), or the bare amount when there is no unit. */
  amountWithUnit(value: number, unit: string | null): string;
  /**
   * The number a person acts on: credits left for prepaid accounts, else the fullest quota's percent used, else
   * what was spent (a key with no limit).
   */
  headline(account: HeadlineSource, format?: 'full' | 'compact'): { value: string; caption: string };
  /** The headline as one phrase: "1,840 credits", "45.2% of API calls", "no data yet". */
  headlineText(account: HeadlineSource): string;
  /** "just now", then Intl's relative time in the language spoken: "3 min ago", "vor 2 Std.", "4天前". */
  agoText(iso: string, now: number): string;
  /** "less than a day", "about 1 day", "about 12 days". */
  daysText(days: number): string;
}

let known: Set<string> | null = null;
const knownCurrencies = () => {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known;
};

export function writersFor(t: Translate, intl: () => Formats): Writers {
  const formatAmount = (value: number) => {
    const { integer, decimal } = intl();
    return Math.abs(value) >= 100 ? integer.format(value) : decimal.format(value);
  };
  const formatNumber = (value: number, format: 'full' | 'compact' = 'full') =>
    format === 'compact' ? intl().compact.format(value) : formatAmount(value);
  const unitLabel = (unit: string | null) => {
    if (unit === null) return t('unit.credits');
    const own = ownWord(unit);
    return own ? t(own) : unit;
  };
  // Providers write codes either way ("USD", "usd"); three letters that are no currency stay a unit.
  const isCurrency = (unit: string | null): unit is string =>
    unit !== null && /^[A-Za-z]{3}$/.test(unit) && knownCurrencies().has(unit.toUpperCase());
  const amountWithUnit = (value: number, unit: string | null) => {
    if (isCurrency(unit)) return intl().money(unit.toUpperCase()).format(value);
    return `${formatAmount(value)} ${unit === null ? '' : unitLabel(unit)}`.trim();
  };
  const headline = (account: HeadlineSource, format?: 'full' | 'compact') => {
    const shown = plain(account, format);
    return account.ledger && account.remaining !== null
      ? { value: t('headline.estimated', { amount: shown.value }), caption: shown.caption }
      : shown;
  };
  const plain = (account: HeadlineSource, format?: 'full' | 'compact') => {
    if (account.remaining !== null) {
      // Money is written as money, cents kept ("$74.50"), as everywhere else; its code says which dollar.
      if (isCurrency(account.unit) && format !== 'compact')
        return {
          value: amountWithUnit(account.remaining, account.unit),
          caption: account.unit.toUpperCase(),
        };
      return { value: formatNumber(account.remaining, format), caption: unitLabel(account.unit) };
    }
    const quota = worstQuota(account);
    if (quota)
      return {
        value: `${formatAmount(quota.percentUsed)}%`,
        caption: t('headline.ofQuota', { name: unitLabel(quota.name) }),
      };
    if (account.usedThisPeriod !== undefined && account.usedThisPeriod !== null)
      return {
        value:
          isCurrency(account.unit) && format !== 'compact'
            ? amountWithUnit(account.usedThisPeriod, account.unit)
            : formatNumber(account.usedThisPeriod, format),
        // Money spent says its currency in its sign: "$10.50 spent this period", not "$10.50 USD spent…".
        caption: isCurrency(account.unit)
          ? t('headline.spentMoney')
          : t('headline.spent', { unit: unitLabel(account.unit) }),
      };
    return { value: '—', caption: t('headline.noData') };
  };
  return {
    formatAmount,
    formatNumber,
    unitLabel,
    quotaName: unitLabel,
    amountWithUnit,
    headline,
    headlineText(account) {
      // A balance in one phrase is its amount with its unit: "$74.50", "1,840 credits", an estimate "≈ $87.66".
      if (account.remaining !== null) {
        const amount = amountWithUnit(account.remaining, account.unit);
        return account.ledger ? t('headline.estimated', { amount }) : amount;
      }
      const { value, caption } = headline(account);
      if (value === '—') return caption;
      // Full-width punctuation carries its own space: "87.5%（积分）", not "87.5% （积分）".
      return /^[\u3000-\u303f\uff01-\uff0f]/u.test(caption) ? `${value}${caption}` : `${value} ${caption}`;
    },
    agoText(iso, now) {
      const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
      if (minutes < 1) return t('ago.now');
      const relative = intl().relative;
      if (minutes < 60) return relative.format(-minutes, 'minute');
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return relative.format(-hours, 'hour');
      return relative.format(-Math.floor(hours / 24), 'day');
    },
    daysText(days) {
      if (days < 1) return t('days.lessThanOne');
      return t('days.about', { count: Math.round(days) });
    },
  };
}

/**
 * Least to most severe. `unknown` (nothing current is known) sits above `ok` and below any level a threshold
 * gives: a known low balance needs a person more than a value that could not be read.
 */
export const SEVERITY_ORDER: readonly Level[] = ['ok', 'unknown', 'warning', 'critical', 'empty'];

export function severityRank(level: Level): number {
  return SEVERITY_ORDER.indexOf(level);
}

/** The more severe of two levels. */
export function worseLevel(a: Level, b: Level): Level {
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function worstQuota<Q extends Pick<Quota, 'percentUsed'>>(account: {
  quotas: readonly Q[];
}): Q | null {
  return [...account.quotas].sort((a, b) => b.percentUsed - a.percentUsed)[0] ?? null;
}

/**
 * The units prepaid balances come in, the one most accounts share first (the first seen on a tie): the tray's sum
 * adds balances of one unit, and offers these.
 */
export function sumUnits(accounts: readonly { remaining: number | null; unit: string | null }[]): string[] {
  const counts = new Map<string, number>();
  for (const account of accounts) {
    if (account.remaining === null) continue;
    const unit = account.unit ?? 'credits';
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([unit]) => unit);
}

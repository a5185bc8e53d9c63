import { INTL_LOCALE, type Language, NUMBER_LOCALE } from './languages';

export interface Formats {
  integer: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
  compact: Intl.NumberFormat;
  time: Intl.DateTimeFormat;
  dayMonth: Intl.DateTimeFormat;
  weekdayTime: Intl.DateTimeFormat;
  dayMonthTime: Intl.DateTimeFormat;
  /** A UTC day ("Sun 22 Nov"): history counts use per day by UTC day, and the label must name the same day. */
  utcDay: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
  list: Intl.ListFormat;
  /** Money in an ISO 4217 currency, cents kept at any size ("$12.50", "$1,234.56", "1.840,00 €"). */
  money(currency: string): Intl.NumberFormat;
}

/**
 * A language's Intl formatters, made once per language and on first use: the first Intl formatter of a process
 * loads ICU's data (about 25 ms), which `creditbar status --json` and the main process's start never need.
 */
const made = new Map<Language, Formats>();

export function formatsFor(language: Language): Formats {
  const known = made.get(language);
  if (known) return known;
  const locale = INTL_LOCALE[language];
  const numbers = NUMBER_LOCALE[language];
  const currencies = new Map<string, Intl.NumberFormat>();
  const formats: Formats = {
    // A minus only for a value below zero once rounded: never "-0 credits".
    integer: new Intl.NumberFormat(numbers, { maximumFractionDigits: 0, signDisplay: 'negative' }),
    decimal: new Intl.NumberFormat(numbers, { maximumFractionDigits: 2, signDisplay: 'negative' }),
    compact: new Intl.NumberFormat(numbers, {
      notation: 'compact',
      maximumFractionDigits: 1,
      signDisplay: 'negative',
    }),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
    dayMonth: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    weekdayTime: new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }),
    relative: new Intl.RelativeTimeFormat(locale, { style: 'short' }),
    list: new Intl.ListFormat(locale, { type: 'conjunction' }),
    utcDay: new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }),
    dayMonthTime: new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }),
    money(currency) {
      const key = currency;
      let format = currencies.get(key);
      if (!format) {
        format = new Intl.NumberFormat(numbers, {
          style: 'currency',
          currency,
          signDisplay: 'negative',
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        });
        currencies.set(key, format);
      }
      return format;
    },
  };
  made.set(language, formats);
  return formats;
}

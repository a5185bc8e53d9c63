import { INTL_LOCALE, type Language, NUMBER_LOCALE } from './languages';

/** Writes a date one way: an Intl.DateTimeFormat, or one that mends what its locale's data writes oddly. */
export interface DateWriter {
  format(date: number | Date): string;
}

export interface Formats {
  integer: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
  compact: Intl.NumberFormat;
  time: DateWriter;
  dayMonth: DateWriter;
  /** For a date inside a sentence: the month written out, so no abbreviation's period meets the sentence's. */
  dayMonthLong: DateWriter;
  /** A day with its year ("8 Jan 2027"): an axis label where its range crosses into a new year. */
  dayMonthYear: DateWriter;
  /** A month on an axis ("Sep"), and with its year ("Jan 2027") where the range crosses one. */
  month: DateWriter;
  monthYear: DateWriter;
  weekdayTime: DateWriter;
  dayMonthTime: DateWriter;
  /** A UTC day ("Sun 22 Nov"): history counts use per day by UTC day, and the label must name the same day. */
  utcDay: DateWriter;
  /** The same day as an axis label, in the style of the history chart's dates ("22 Nov"). */
  utcDayMonth: DateWriter;
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

/**
 * A date format whose English months are three letters: CLDR's British English writes September "Sept" beside
 * "Mar" and "Jun", which reads as a mistake on an axis. The month is taken from American English's short names;
 * the rest (day first, 24-hour clock) stays British.
 */
function dates(language: Language, options: Intl.DateTimeFormatOptions): DateWriter {
  const format = new Intl.DateTimeFormat(INTL_LOCALE[language], options);
  if (language !== 'en' || options.month !== 'short') return format;
  const months = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: options.timeZone });
  return {
    format: (date) =>
      format
        .formatToParts(date)
        .map((part) => (part.type === 'month' ? months.format(date) : part.value))
        .join(''),
  };
}

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
    time: dates(language, { hour: '2-digit', minute: '2-digit' }),
    dayMonth: dates(language, { day: 'numeric', month: 'short' }),
    dayMonthLong: dates(language, { day: 'numeric', month: 'long' }),
    dayMonthYear: dates(language, { day: 'numeric', month: 'short', year: 'numeric' }),
    month: dates(language, { month: 'short' }),
    monthYear: dates(language, { month: 'short', year: 'numeric' }),
    weekdayTime: dates(language, { weekday: 'short', hour: '2-digit', minute: '2-digit' }),
    relative: new Intl.RelativeTimeFormat(locale, { style: 'short' }),
    list: new Intl.ListFormat(locale, { type: 'conjunction' }),
    utcDay: dates(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
    utcDayMonth: dates(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    dayMonthTime: dates(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
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

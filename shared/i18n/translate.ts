import type { Catalog, MessageKey } from './catalog-en';
import { INTL_LOCALE, type Language, NUMBER_LOCALE } from './languages';

/**
 * The one language a process speaks at a time, with its messages and its Intl formatters. Main and the CLI set it
 * from the catalogs they hold; the popover sets it from the catalog main sends it, so the page carries none.
 * Until a catalog is set, a message reads as its key: visible in any test, never a silent English fallback.
 */
let language: Language = 'en';
let messages: Partial<Catalog> = {};
let plurals: Intl.PluralRules | null = null;

type Formats = {
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
};
// Made on first use: the first Intl formatter of a process loads ICU's data (about 25 ms), which `creditbar status
// --json` and the main process's start never need.
let formats: Formats | null = null;

export function setLanguage(next: Language, catalog: Partial<Catalog>): void {
  if (next !== language) formats = null;
  language = next;
  messages = catalog;
  plurals = null;
}

export function currentLanguage(): Language {
  return language;
}

export type Params = Record<string, string | number>;

/** A message with its {placeholders} filled in. */
export function t(key: MessageKey, params?: Params): string {
  const text = messages[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A schema's message in the language spoken when the value is checked (zod calls it then): for a check's
 * params, as `z.regex(re, says('valid.id'))`.
 */
export function says(key: MessageKey, params?: Params): { error: () => string } {
  return { error: () => t(key, params) };
}

/** Keys that come as `<base>.one` and `<base>.other`, chosen by the language's plural rules. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

/** A message that depends on a count ("1 account", "3 accounts"); `{count}` is the count as the language writes it. */
export function tn(base: PluralBase, count: number, params?: Params): string {
  plurals ??= new Intl.PluralRules(NUMBER_LOCALE[language]);
  const one = `${base}.one` as MessageKey;
  const key =
    plurals.select(count) === 'one' && messages[one] !== undefined ? one : (`${base}.other` as MessageKey);
  return t(key, { count: intl().integer.format(count), ...params });
}

/** The language's formatters, made once per language. */
export function intl(): Formats {
  if (formats) return formats;
  const locale = INTL_LOCALE[language];
  const numbers = NUMBER_LOCALE[language];
  formats = {
    integer: new Intl.NumberFormat(numbers, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(numbers, { maximumFractionDigits: 2 }),
    compact: new Intl.NumberFormat(numbers, { notation: 'compact', maximumFractionDigits: 1 }),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
    dayMonth: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    weekdayTime: new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }),
    relative: new Intl.RelativeTimeFormat(locale, { style: 'short' }),
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
  };
  return formats;
}

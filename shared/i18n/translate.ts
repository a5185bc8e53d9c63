import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, MessageKey } from './catalog';
import { INTL_LOCALE, type Language, NUMBER_LOCALE } from './languages';

/**
 * The one language a process speaks at a time, with its messages and its Intl formatters. Main and the CLI set it
 * from the catalogs they hold; the popover sets it from the catalog main sends it, so the page carries none.
 * Until a catalog is set, a message reads as its key: visible in any test, never a silent English fallback.
 */
let language: Language = 'en';
let messages: Partial<Record<MessageKey, string | readonly MessageNode[]>> = {};
/** Each message parsed once per language, on first use: a process shows a few dozen of its 500. */
let compiled = new Map<MessageKey, Compiled>();

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
  list: Intl.ListFormat;
};
// Made on first use: the first Intl formatter of a process loads ICU's data (about 25 ms), which `creditbar status
// --json` and the main process's start never need.
let formats: Formats | null = null;

/**
 * A catalog is ICU text (main and the CLI) or, in the popover, the same messages already parsed by main
 * (parsedCatalog): the page formats but never parses, so its bundle carries no ICU parser.
 */
export function setLanguage(
  next: Language,
  catalog: Partial<Record<MessageKey, string | readonly MessageNode[]>>,
): void {
  if (next !== language) formats = null;
  language = next;
  messages = catalog;
  compiled = new Map();
}

export function currentLanguage(): Language {
  return language;
}

export type Params = Record<string, string | number>;

/** A parsed ICU message's element (intl-messageformat's AST, by the shape this module reads). */
export interface MessageNode {
  [field: string]: unknown;
  type: number;
  value?: unknown;
  options?: Record<string, { value: MessageNode[] }>;
  children?: MessageNode[];
}
/** intl-messageformat's element types: a plain `{name}`, a select and a plural. */
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;

/** Every argument a parsed message takes, and how: `plural`, `select`, or `text` for a plain `{name}`. */
function argumentsOf(nodes: readonly MessageNode[], into = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    if (typeof node.value === 'string' && [ARGUMENT, SELECT, PLURAL].includes(node.type))
      into.set(node.value, node.type === PLURAL ? 'plural' : node.type === SELECT ? 'select' : 'text');
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, into);
    if (node.children) argumentsOf(node.children, into);
  }
  return into;
}

function parse(text: string | readonly MessageNode[], locale: string): IntlMessageFormat {
  // `<ID>` in help text is text, not a rich-text tag.
  return new IntlMessageFormat(text as string, locale, undefined, { ignoreTag: true });
}

/** Every message of a catalog parsed, as main sends it to the popover. */
export function parsedCatalog(catalog: Catalog): Record<MessageKey, MessageNode[]> {
  const parsed = {} as Record<MessageKey, MessageNode[]>;
  for (const key of Object.keys(catalog) as MessageKey[])
    parsed[key] = parse(catalog[key], 'en').getAst() as MessageNode[];
  return parsed;
}

/** The arguments an ICU message takes (a test holds every language to English's). Throws on a message ICU cannot parse. */
export function messageArguments(text: string): Map<string, string> {
  return argumentsOf(parse(text, 'en').getAst() as MessageNode[]);
}

interface Compiled {
  format: IntlMessageFormat;
  args: Map<string, string>;
}

function compile(key: MessageKey): Compiled | null {
  const text = messages[key];
  if (text === undefined) return null;
  let message = compiled.get(key);
  if (!message) {
    const format = parse(text, NUMBER_LOCALE[language]);
    message = { format, args: argumentsOf(format.getAst() as MessageNode[]) };
    compiled.set(key, message);
  }
  return message;
}

/**
 * A message in the language spoken, its arguments filled in. A plural's count is passed as a number (it picks the
 * form, and is written as the language writes numbers); every other value is shown as given, so a port or a year
 * is never grouped into "9,464". An argument not given stays visible as `{name}`.
 */
export function t(key: MessageKey, params?: Params): string {
  const message = compile(key);
  if (!message) return key;
  const values: Record<string, string | number> = {};
  for (const [name, use] of message.args) {
    const value = params?.[name];
    values[name] = use === 'plural' ? Number(value) : value === undefined ? `{${name}}` : String(value);
  }
  return String(message.format.format(values));
}

/**
 * A schema's message in the language spoken when the value is checked (zod calls it then): for a check's
 * params, as `z.regex(re, says('valid.id'))`.
 */
export function says(key: MessageKey, params?: Params): { error: () => string } {
  return { error: () => t(key, params) };
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
  };
  return formats;
}

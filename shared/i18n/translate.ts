import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, MessageKey } from './catalog';
import { type Language, NUMBER_LOCALE } from './languages';

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

/** A catalog as a process holds it: ICU text (main, the CLI) or already parsed (the popover; see parsedCatalog). */
export type HeldCatalog = Partial<Record<MessageKey, string | readonly MessageNode[]>>;

/** A message made text: its key and arguments filled in, in one language. */
export type Translate = (key: MessageKey, params?: Params) => string;

interface Compiled {
  format: IntlMessageFormat;
  args: Map<string, string>;
}

/**
 * A catalog's messages in one language, its arguments filled in. A plural's count is passed as a number (it picks
 * the form, and is written as the language writes numbers); every other value is shown as given, so a port or a
 * year is never grouped into "9,464". An argument not given stays visible as `{name}`; a key the catalog lacks
 * reads as the key: visible in any test, never a silent English fallback.
 */
export function messagesIn(language: Language, catalog: HeldCatalog): Translate {
  // Each message parsed on first use: a process shows a few dozen of its 500.
  const compiled = new Map<MessageKey, Compiled>();
  const compile = (key: MessageKey): Compiled | null => {
    const text = catalog[key];
    if (text === undefined) return null;
    let message = compiled.get(key);
    if (!message) {
      const format = parse(text, NUMBER_LOCALE[language]);
      message = { format, args: argumentsOf(format.getAst() as MessageNode[]) };
      compiled.set(key, message);
    }
    return message;
  };
  return (key, params) => {
    const message = compile(key);
    if (!message) return key;
    const values: Record<string, string | number> = {};
    for (const [name, use] of message.args) {
      const value = params?.[name];
      values[name] = use === 'plural' ? Number(value) : value === undefined ? `{${name}}` : String(value);
    }
    return String(message.format.format(values));
  };
}

/** The languages Creditbar ships, each complete (a test holds every catalog to English's keys). */
export const LANGUAGES = ['en', 'de', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words, as Settings offers it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', zh: '简体中文' };

/** The locale Intl formats dates with for each language: English days and months, on a 24-hour clock. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', de: 'de-DE', zh: 'zh-CN' };
/** And numbers, as each language writes them: "1,840" and "1.8K" in English, "1.840" in German. */
export const NUMBER_LOCALE: Record<Language, string> = { en: 'en-US', de: 'de-DE', zh: 'zh-CN' };
/** What goes between two sentences: a space, or nothing after a Chinese full stop ("天。预计"). */
export const SENTENCE_GAP: Record<Language, string> = { en: ' ', de: ' ', zh: '' };

/**
 * The language to speak: the one chosen in Settings, else the first of the person's preferred languages (OS
 * order) that Creditbar has, else English. Every Chinese locale gets Simplified Chinese, the only Chinese shipped:
 * closer for a Traditional reader than English.
 */
export function chooseLanguage(chosen: Language | undefined, preferred: readonly string[]): Language {
  if (chosen) return chosen;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_.@]/)[0];
    const match = LANGUAGES.find((l) => l === primary);
    if (match) return match;
  }
  return 'en';
}

const isPlainC = (locale: string) => locale === 'C' || locale === 'POSIX' || locale.startsWith('C.');

/**
 * The preferred languages a terminal names, as gettext reads them: LANGUAGE (a colon list), then the messages
 * locale (LC_ALL, else LC_MESSAGES, else LANG). Under the C locale LANGUAGE is ignored, as gettext ignores it. A
 * terminal whose characters are not UTF-8 (`zh_TW.Big5`, `de_DE.ISO-8859-1`) gets English, the one language
 * Creditbar writes in plain ASCII, rather than text it would show garbled.
 */
export function environmentLanguages(env: Readonly<Record<string, string | undefined>>): string[] {
  const messages = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (messages === '' || isPlainC(messages)) return [];
  const characters = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const charset = /\.([^@]+)/.exec(characters)?.[1]?.toLowerCase().replace(/-/g, '');
  if (charset !== undefined && charset !== 'utf8') return [];
  return [...(env.LANGUAGE ?? '').split(':'), messages].filter((tag) => tag !== '' && !isPlainC(tag));
}

/**
 * The languages an HTTP client asks for (`Accept-Language: de-CH, de;q=0.9, en;q=0.8`), most wanted first; `*`
 * and refused ones (q=0) name none.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

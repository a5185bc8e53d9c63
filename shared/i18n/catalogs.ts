import { type Catalog, en } from './catalog';
import type { Language } from './languages';
import de from './messages/de.json';
import zh from './messages/zh.json';
import { createTranslator, type Translator } from './translator';

/** Every shipped catalog: main and the CLI hold them all; the popover asks main for the one it needs. */
export const CATALOGS: Record<Language, Catalog> = { en, de, zh };

const translators = new Map<Language, Translator>();

/** A reader's translator, in a process that holds the catalogs (main, the CLI); made once per language. */
export function translatorFor(language: Language): Translator {
  let made = translators.get(language);
  if (!made) {
    made = createTranslator(language, CATALOGS[language]);
    translators.set(language, made);
  }
  return made;
}

import { type Catalog, en } from './catalog';
import type { Language } from './languages';
import de from './messages/de.json';
import zh from './messages/zh.json';
import { setLanguage } from './translate';

/** Every shipped catalog: main and the CLI hold them all; the popover asks main for the one it needs. */
export const CATALOGS: Record<Language, Catalog> = { en, de, zh };

/** Speaks `language` from here on, in a process that holds the catalogs (main, the CLI). */
export function speak(language: Language): void {
  setLanguage(language, CATALOGS[language]);
}

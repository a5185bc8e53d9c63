import { de as zodDe, en as zodEn, zhCN as zodZh } from 'zod/locales';
import { z } from '../zod';
import { type Catalog, en } from './catalog';
import type { Language } from './languages';
import de from './messages/de.json';
import zh from './messages/zh.json';
import { setLanguage } from './translate';

/** Every shipped catalog: main and the CLI hold them all; the popover asks main for the one it needs. */
export const CATALOGS: Record<Language, Catalog> = { en, de, zh };

/** zod's own words (a wrong type, an unknown key) in each language: its locales, as it ships them. */
const ZOD_LOCALES: Record<Language, () => Parameters<typeof z.config>[0]> = {
  en: zodEn,
  de: zodDe,
  zh: zodZh,
};

/**
 * Speaks `language` from here on, in a process that holds the catalogs (main, the CLI): Creditbar's messages and
 * zod's own. The popover keeps zod's English: it checks what its own form built, and carries one locale only.
 */
export function speak(language: Language): void {
  setLanguage(language, CATALOGS[language]);
  z.config(ZOD_LOCALES[language]());
}

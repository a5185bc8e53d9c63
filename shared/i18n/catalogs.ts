import { de } from './catalog-de';
import { type Catalog, en } from './catalog-en';
import { zh } from './catalog-zh';
import type { Language } from './languages';

/** Every shipped catalog: main and the CLI hold them all; the popover asks main for the one it needs. */
export const CATALOGS: Record<Language, Catalog> = { en, de, zh };

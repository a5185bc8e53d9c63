import { translatorFor } from '../../shared/i18n/catalogs';
import { zodInEveryLanguage } from '../../shared/i18n/zod-words';

// As main and the CLI do at start: zod's own words in every language, each reader's said where it is shown.
zodInEveryLanguage();

/** Unit tests read English, as main does on an English system; the language tests make their own translators. */
export const english = translatorFor('en');
export const { say, t } = english;

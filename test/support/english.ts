import { en } from '../../shared/i18n/catalog';
import { setLanguage } from '../../shared/i18n/translate';

// Unit tests read the English catalog, as main does on an English system; the language tests switch it themselves.
setLanguage('en', en);

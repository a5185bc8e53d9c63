import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { useTranslator } from '../hooks/use-translator';
import type { SettingsSectionProps } from '../settings-section';

/** The language the popover speaks: the system's, or one chosen; each named in its own language. */
export function LanguageChoice({ state, save }: SettingsSectionProps) {
  const { t } = useTranslator();
  return (
    <label htmlFor="language" className="field">
      <span>{t('settings.language')}</span>
      <select
        id="language"
        value={state.settings.language ?? 'system'}
        onChange={(e) =>
          void save({ language: e.target.value === 'system' ? null : (e.target.value as Language) })
        }
      >
        <option value="system">
          {t('settings.languageSystem', { language: LANGUAGE_NAMES[state.systemLanguage ?? 'en'] })}
        </option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

import { chooseLanguage, type Language } from '../../../shared/i18n/languages';
import type { ConfigStore } from '../store/config-store';

/**
 * The language the app speaks: the one in settings, else the OS's. Read each time something is written for the
 * person (the tray, a notification, the popover's catalog), so a change in settings shows at the next word.
 */
export class LanguageChoice {
  constructor(
    private readonly config: ConfigStore,
    /** The person's languages in the OS's order (Electron's app.getPreferredSystemLanguages()). */
    private readonly preferred: readonly string[],
  ) {}

  /** The language settings choose, else the OS's. */
  get chosen(): Language {
    return chooseLanguage(this.config.settings.language, this.preferred);
  }

  /** The OS's language, offered in Settings as "System". */
  get system(): Language {
    return chooseLanguage(undefined, this.preferred);
  }
}

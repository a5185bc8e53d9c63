import { speak } from '../../../../shared/i18n/catalogs';
import { chooseLanguage, type Language } from '../../../../shared/i18n/languages';
import type { ConfigStore } from '../../store/config-store';

/** Speaks the language in settings, else the OS's: the tray, notifications and the popover all follow. */
export class LanguageApplier {
  private spoken: Language | null = null;

  constructor(
    private readonly config: ConfigStore,
    /** The person's languages in the OS's order (Electron's app.getPreferredSystemLanguages()). */
    private readonly preferred: readonly string[],
  ) {
    config.onChange(() => this.apply());
  }

  apply(): void {
    const next = this.chosen;
    if (next !== this.spoken) speak(next);
    this.spoken = next;
  }

  /** The language settings choose, else the OS's. */
  get chosen(): Language {
    return chooseLanguage(this.config.settings.language, this.preferred);
  }

  /** The OS's language, offered in Settings as "System". */
  get system(): Language {
    return chooseLanguage(undefined, this.preferred);
  }
}

import type { MessageKey } from '../../../../shared/i18n/catalog';
import { CATALOGS } from '../../../../shared/i18n/catalogs';
import type { Language } from '../../../../shared/i18n/languages';
import { type MessageNode, parsedCatalog } from '../../../../shared/i18n/translate';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The state the popover opens with, settings, and the catalog of the language it shows. */
export function settingsHandlers(ctx: HandlerContext): HandlersOf<'state:get' | 'settings:set' | 'i18n:get'> {
  // Parsed once per language, when the popover first asks.
  const parsed = new Map<Language, Record<MessageKey, MessageNode[]>>();
  const catalogFor = (language: Language) => {
    let catalog = parsed.get(language);
    if (!catalog) {
      catalog = parsedCatalog(CATALOGS[language]);
      parsed.set(language, catalog);
    }
    return catalog;
  };
  return {
    'state:get': async () => ctx.state(),
    'settings:set': async ({ patch, launchAtLogin }) => {
      await ctx.core.stores.config.patchSettings(patch);
      if (launchAtLogin !== undefined && launchAtLogin !== ctx.launchAtLogin.enabled) {
        try {
          await ctx.launchAtLogin.set(launchAtLogin);
        } finally {
          // The switch shows what the OS did, also when it held the item back.
          ctx.emitState();
        }
      }
      return null;
    },
    'i18n:get': async ({ language }) => catalogFor(language),
  };
}

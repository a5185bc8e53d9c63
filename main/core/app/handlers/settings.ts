import { CATALOGS } from '../../../../shared/i18n/catalogs';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The state the popover opens with, settings, and the catalog of the language it shows. */
export function settingsHandlers(ctx: HandlerContext): HandlersOf<'state:get' | 'settings:set' | 'i18n:get'> {
  return {
    'state:get': async () => ctx.state(),
    'settings:set': async ({ patch, launchAtLogin }) => {
      await ctx.core.stores.config.patchSettings(patch);
      if (launchAtLogin !== undefined && launchAtLogin !== ctx.launchAtLogin.enabled) {
        await ctx.launchAtLogin.set(launchAtLogin);
        ctx.emitState();
      }
      return null;
    },
    'i18n:get': async ({ language }) => CATALOGS[language],
  };
}

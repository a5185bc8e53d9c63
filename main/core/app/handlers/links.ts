import type { Account } from '../../../../shared/config';
import { message } from '../../../../shared/message';
import { PROVIDERS } from '../../../../shared/providers';
import { AppFailure } from '../../errors';
import type { HandlerContext, HandlersOf } from './handler-context';

/** Hosts a link may point to: the configured providers' own (their docs and billing pages live there). */
export function providerHosts(accounts: readonly Account[]): Set<string> {
  const hosts = new Set<string>();
  for (const account of accounts) {
    for (const url of [account.baseUrl, account.custom?.url, PROVIDERS[account.provider].defaultBaseUrl]) {
      if (!url) continue;
      const host = new URL(url).hostname;
      hosts.add(host);
      // api.example.com's billing page usually lives on example.com or app.example.com.
      const parent = host.split('.').slice(-2).join('.');
      hosts.add(parent);
      hosts.add(`app.${parent}`);
      hosts.add(`www.${parent}`);
    }
  }
  return hosts;
}

/** Links out of the popover, to the configured providers' own sites only. */
export function linkHandlers(ctx: HandlerContext): HandlersOf<'external:open'> {
  return {
    'external:open': async ({ url }) => {
      const host = new URL(url).hostname;
      if (!providerHosts(ctx.core.stores.config.accounts).has(host))
        throw new AppFailure('config', message('external.notProvider', { host }));
      await ctx.openExternal(url);
      return null;
    },
  };
}

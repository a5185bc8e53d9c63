import type { HandlerContext, HandlersOf } from './handler-context';

/**
 * A ledger account's stated balances and top-ups (OpenAI, Anthropic). After a change the account is checked again:
 * the estimate then counts the entry, read with the vendor's latest costs (or, offline, the costs last known).
 */
export function ledgerHandlers(
  ctx: HandlerContext,
): HandlersOf<'ledger:get' | 'ledger:record' | 'ledger:remove'> {
  const { core } = ctx;
  return {
    'ledger:get': ({ accountId }) => core.ledger.entries(accountId),
    'ledger:record': async ({ accountId, kind, amount, at }) => {
      const { entry, note } = await core.ledger.record(accountId, kind, amount, at);
      await core.monitor.refresh(accountId);
      return { entry, note };
    },
    'ledger:remove': async ({ accountId, entryId }) => {
      await core.ledger.remove(accountId, entryId);
      await core.monitor.refresh(accountId);
      return null;
    },
  };
}

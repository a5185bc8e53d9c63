import type { HandlerContext, HandlersOf } from './handler-context';

/** An account's thresholds, and snoozing its alerts. */
export function alertHandlers(ctx: HandlerContext): HandlersOf<'alerts:set-thresholds' | 'alerts:snooze'> {
  const { core } = ctx;
  return {
    'alerts:set-thresholds': async ({ accountId, alerts }) => {
      await core.accounts.update(accountId, { alerts });
      return null;
    },
    'alerts:snooze': async ({ accountId, until }) => {
      await core.alerts.snooze(accountId, until ? new Date(until) : null);
      // The popover shows "snoozed until" from the state: without a push it waited for the next poll.
      ctx.emitState();
      return null;
    },
  };
}

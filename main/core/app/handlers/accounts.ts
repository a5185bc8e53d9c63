import { message } from '../../../../shared/message';
import { AppFailure } from '../../errors';
import { keyHint } from '../../store/secrets';
import type { HandlerContext, HandlersOf } from './handler-context';

/** Testing, adding, changing, refreshing and removing accounts. */
export function accountHandlers(
  ctx: HandlerContext,
): HandlersOf<'accounts:refresh' | 'accounts:test' | 'accounts:add' | 'accounts:update' | 'accounts:remove'> {
  const { core } = ctx;
  return {
    'accounts:refresh': async ({ accountId }) => {
      await core.monitor.refresh(accountId);
      return null;
    },
    'accounts:test': async ({ account, key }) => {
      const { snapshot, readings, shape, problem } = await core.accounts.probe(account, key);
      return {
        remaining: snapshot?.remaining ?? null,
        unit: snapshot?.unit ?? null,
        usedThisPeriod: snapshot?.usedThisPeriod ?? null,
        quotas: snapshot?.quotas.length ?? 0,
        readings,
        shape,
        problem: problem ? { kind: problem.kind, message: problem.said } : null,
      };
    },
    'accounts:add': async ({ account, key }) => {
      // The form has just tested it; a failing provider must not stop a person from saving.
      await core.accounts.add(account, key ?? null, { verify: false });
      if (key) ctx.keyHints.set(account.id, keyHint(key));
      return null;
    },
    'accounts:update': async ({ accountId, patch, key }) => {
      await core.accounts.update(accountId, patch, key);
      if (key) {
        ctx.keyHints.set(accountId, keyHint(key));
        core.keyChanged(accountId);
        ctx.emitState();
      }
      return null;
    },
    'accounts:remove': async ({ accountId }) => {
      ctx.keyHints.delete(accountId);
      const { left } = await core.accounts.remove(accountId);
      if (left.length > 0) throw new AppFailure('config', message('account.removedPartly', { left }));
      return null;
    },
  };
}

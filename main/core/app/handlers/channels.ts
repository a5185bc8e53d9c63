import type { HandlerContext, HandlersOf } from './handler-context';

/** Settings' "Alerts elsewhere": the channels, with what each failed; adding, testing and removing one. */
export function channelHandlers(
  ctx: HandlerContext,
): HandlersOf<'channels:list' | 'channels:add' | 'channels:update' | 'channels:test' | 'channels:remove'> {
  const { core } = ctx;
  return {
    'channels:list': async () =>
      (await core.channelAdmin.list()).map(({ channel, failed }) => ({
        channel,
        failed: failed.length,
        lastProblem: failed.at(-1)?.lastProblem ?? null,
      })),
    'channels:add': async ({ channel, secret, signingKey }) => {
      await core.channelAdmin.add(channel, secret.trim(), signingKey?.trim() ?? '');
      return null;
    },
    'channels:update': async ({ channel, secret }) => {
      await core.channelAdmin.update(channel, secret.trim());
      return null;
    },
    'channels:test': async ({ id }) => {
      const outcome = await core.channelAdmin.test(id, core.channels);
      return { ok: outcome.ok, problem: outcome.ok ? null : outcome.problem };
    },
    'channels:remove': async ({ id }) => {
      await core.channelAdmin.remove(id);
      return null;
    },
  };
}

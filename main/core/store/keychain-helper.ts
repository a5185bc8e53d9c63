import type { ChildProcess } from 'node:child_process';
import { z } from '../../../shared/zod';
import { type KeychainBackend, type KeytarLike, keytarHere } from './secrets';

/**
 * keytar in a helper process, for the CLI. keytar's calls run on libuv's thread pool, and a hung Secret Service
 * holds each thread until libsecret gives up (25 s): no deadline can cancel them, and a process whose pool holds
 * one cannot even exit. In a helper, a call with no answer costs only the helper, which is let go (killed) at the
 * deadline; the CLI prints and exits on time.
 */

const Request = z.object({
  id: z.number(),
  op: z.enum(['get', 'set', 'delete']),
  service: z.string(),
  account: z.string(),
  secret: z.optional(z.string()),
});
type Request = z.infer<typeof Request>;

const Reply = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: z.union([z.string(), z.boolean(), z.null()]) }),
  // keytar's own words: they say which problem it is (keychainProblem reads them), never a key.
  z.object({ id: z.number(), ok: z.literal(false), problem: z.string() }),
]);
type Reply = z.infer<typeof Reply>;

/** The parent's side: keytar's three calls, each a message to the helper. */
export function keytarInChild(spawn: () => ChildProcess): KeychainBackend {
  let child: ChildProcess | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const failAll = (why: string) => {
    for (const [, call] of waiting) call.reject(new Error(why));
    waiting.clear();
  };
  const helper = (): ChildProcess => {
    if (child && child.exitCode === null && child.connected) return child;
    const started = spawn();
    // Neither the helper nor its channel keeps the CLI alive; a call in flight keeps its own deadline timer.
    started.unref();
    started.channel?.unref();
    started.on('message', (raw: unknown) => {
      const reply = Reply.safeParse(raw);
      if (!reply.success) return;
      const call = waiting.get(reply.data.id);
      waiting.delete(reply.data.id);
      if (!call) return;
      if (reply.data.ok) call.resolve(reply.data.value);
      else call.reject(new Error(reply.data.problem));
    });
    started.on('exit', () => failAll('the keychain helper ended'));
    started.on('error', (error) => failAll(error.message));
    process.once('exit', () => started.kill('SIGKILL'));
    child = started;
    return started;
  };
  const ask = <T>(request: Omit<Request, 'id'>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      helper().send({ id, ...request } satisfies Request);
    });
  const keytar: KeytarLike = {
    getPassword: (service, account) => ask({ op: 'get', service, account }),
    setPassword: (service, account, secret) => ask({ op: 'set', service, account, secret }),
    deletePassword: (service, account) => ask({ op: 'delete', service, account }),
  };
  return {
    load: async () => keytar,
    abandon() {
      child?.kill('SIGKILL');
      child = null;
      failAll('the keychain did not answer');
    },
  };
}

/** The helper's side: answers each request with keytar, until the CLI goes. */
export function serveKeychainHelper(): void {
  const keytar = keytarHere();
  const answer = async (request: Request): Promise<Reply> => {
    try {
      const k = await keytar.load();
      if (request.op === 'get')
        return { id: request.id, ok: true, value: await k.getPassword(request.service, request.account) };
      if (request.op === 'delete')
        return { id: request.id, ok: true, value: await k.deletePassword(request.service, request.account) };
      await k.setPassword(request.service, request.account, request.secret ?? '');
      return { id: request.id, ok: true, value: null };
    } catch (error) {
      return { id: request.id, ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
  };
  process.on('message', (raw: unknown) => {
    const request = Request.safeParse(raw);
    if (request.success) void answer(request.data).then((reply) => process.send?.(reply));
  });
  process.on('disconnect', () => process.exit(0));
}

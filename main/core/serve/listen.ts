import { type Message, message } from '../../../shared/message';
import { isLoopbackHost } from '../../../shared/url-policy';

export const DEFAULT_LISTEN = '127.0.0.1:9464';

export type ListenPlan = { ok: true; host: string; port: number } | { ok: false; problem: Message };

/**
 * Where `serve` listens, from `--listen HOST:PORT` (IPv6 in brackets), and whether it may: beyond loopback, every
 * request must carry the token, so a token file is required there.
 */
export function listenPlan(listen: string | undefined, hasToken: boolean): ListenPlan {
  const text = listen ?? DEFAULT_LISTEN;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port > 65_535) {
    return { ok: false, problem: message('listen.shape', { example: DEFAULT_LISTEN, text }) };
  }
  const host = (match[1] ?? match[2]) as string;
  if (!isLoopbackHost(host) && !hasToken) {
    return { ok: false, problem: message('listen.needsToken', { host }) };
  }
  return { ok: true, host, port };
}

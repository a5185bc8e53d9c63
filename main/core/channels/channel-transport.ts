import type { Channel, ChannelType } from '../../../shared/channels';
import type { MessageKey } from '../../../shared/i18n/catalog';
import { type Message, message, type ReadMessage } from '../../../shared/message';
import { isLoopbackHost, urlProblem } from '../../../shared/url-policy';
import { scrubSecret } from '../providers/failure';
import { cleanDetail } from '../providers/http';
import { exchange } from '../providers/http-exchange';
import { parseRetryAfter } from '../providers/retry-after';
import type { EmailDelivery, HttpDelivery } from './channel-message';

/** What sending one alert came to: delivered, or why not and whether trying again may help (and when). */
export type SendOutcome =
  | { ok: true }
  | { ok: false; retry: boolean; retryAfterMs: number | null; problem: ReadMessage };

const DEADLINE_MS = 15_000;
const MAX_ANSWER_BYTES = 64 * 1024;

/** Who answered, as a person names it: in the catalog, so "the webhook" is said in the reader's language. */
const SERVICE: Record<ChannelType, MessageKey> = {
  webhook: 'channel.service.webhook',
  slack: 'channel.service.slack',
  discord: 'channel.service.discord',
  teams: 'channel.service.teams',
  ntfy: 'channel.service.ntfy',
  telegram: 'channel.service.telegram',
  email: 'channel.service.email',
};

/** The words of a transport's answer a person can act on: Slack's `no_service`, Telegram's description. */
function answerDetail(type: ChannelType, text: string): string {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const said = json.description ?? json.message ?? json.error;
    if (typeof said === 'string') return said;
  } catch {
    // Slack, Teams and ntfy answer in plain text.
  }
  return type === 'webhook' ? '' : text;
}

/** Seconds to wait as the answer asks: Retry-After, Discord's `retry_after`, Telegram's `parameters.retry_after`. */
function askedWaitMs(text: string, header: string | null, date: string | null, now: Date): number | null {
  const seconds = parseRetryAfter(header, date, now);
  if (seconds !== undefined) return seconds * 1000;
  try {
    const json = JSON.parse(text) as { retry_after?: unknown; parameters?: { retry_after?: unknown } };
    const wait = json.retry_after ?? json.parameters?.retry_after;
    if (typeof wait === 'number' && Number.isFinite(wait) && wait >= 0) return Math.ceil(wait * 1000);
  } catch {
    // no wait in the body
  }
  return null;
}

/** What a refusal most likely means, by status: said after the transport's own words. */
function hintFor(status: number): Message {
  if (status === 404 || status === 410) return message('channel.hintGone');
  if (status === 401 || status === 403) return message('channel.hintRefused');
  return message('channel.hintBadRequest');
}

/**
 * Sends one HTTP delivery and reads what the transport answered. Network trouble, a 5xx and a 429 may pass (tried
 * again, the 429 after the wait it asks for); any other refusal will not. The URL carries the secret (a webhook's
 * address, a bot's token), so no URL and no echo of the secret is ever in what is said.
 */
export async function sendHttp(
  channel: Channel,
  delivery: HttpDelivery,
  secret: string,
  now: Date,
): Promise<SendOutcome> {
  const service = message(SERVICE[channel.type]);
  const problem = urlProblem(delivery.url);
  if (problem)
    return {
      ok: false,
      retry: false,
      retryAfterMs: null,
      problem: message('channel.badUrl', { service, problem }),
    };
  let status: number;
  let text: string;
  let retryAfter: string | null;
  let date: string | null;
  try {
    const signal = AbortSignal.timeout(DEADLINE_MS);
    const response = await exchange(new URL(delivery.url), {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      signal,
    });
    status = response.status;
    retryAfter = response.header('retry-after');
    date = response.header('date');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > MAX_ANSWER_BYTES) break;
      chunks.push(chunk);
    }
    response.body.destroy();
    text = Buffer.concat(chunks).toString('utf8');
  } catch {
    return {
      ok: false,
      retry: true,
      retryAfterMs: null,
      problem: message('channel.unreachable', { service }),
    };
  }
  if (status >= 200 && status < 300) return { ok: true };
  const detail = cleanDetail(scrubSecret(answerDetail(channel.type, text), secret));
  const answered = detail
    ? message('channel.answered', { service, status, detail })
    : message('channel.answeredStatus', { service, status });
  if (status === 429)
    return {
      ok: false,
      retry: true,
      retryAfterMs: askedWaitMs(text, retryAfter, date, now),
      problem: answered,
    };
  if (status >= 500 || status === 408)
    return { ok: false, retry: true, retryAfterMs: null, problem: answered };
  return {
    ok: false,
    retry: false,
    retryAfterMs: null,
    problem: message('channel.answeredHint', { answered, hint: hintFor(status) }),
  };
}

/**
 * Sends one email through the channel's SMTP server with nodemailer: TLS from the first byte, or STARTTLS that is
 * required (never sent in the clear). A loopback server may use a certificate of its own (a relay on this machine).
 */
export async function sendEmail(delivery: EmailDelivery, secret: string): Promise<SendOutcome> {
  const { channel } = delivery;
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.security === 'tls',
    requireTLS: channel.security === 'starttls',
    ...(channel.user ? { auth: { user: channel.user, pass: secret } } : {}),
    tls: { rejectUnauthorized: !isLoopbackHost(channel.host) },
    connectionTimeout: DEADLINE_MS,
    greetingTimeout: DEADLINE_MS,
    socketTimeout: DEADLINE_MS,
  });
  try {
    await transport.sendMail({
      from: channel.from,
      to: channel.to,
      subject: delivery.subject,
      text: delivery.text,
    });
    return { ok: true };
  } catch (error) {
    const { responseCode, code } = error as { responseCode?: number; code?: string };
    const service = message(SERVICE.email);
    if (responseCode === undefined)
      return {
        ok: false,
        retry: true,
        retryAfterMs: null,
        problem: message('channel.unreachable', { service }),
      };
    // 4xx is SMTP's "try again later"; 5xx is final (a refused login, a refused address).
    const detail = cleanDetail(scrubSecret(`${code ?? ''}`, secret));
    const answered = message('channel.answered', { service, status: responseCode, detail });
    return responseCode < 500
      ? { ok: false, retry: true, retryAfterMs: null, problem: answered }
      : { ok: false, retry: false, retryAfterMs: null, problem: answered };
  } finally {
    transport.close();
  }
}

import { type Message, message } from '../../../shared/message';
import { oneLine } from '../../../shared/one-line';
import { urlProblem } from '../../../shared/url-policy';
import { AppFailure } from '../errors';
import { scrubSecret } from './failure';
import { type Exchange, exchange } from './http-exchange';
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter, waitText } from './retry-after';

export const DEFAULT_DEADLINE_MS = 15_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const MAX_DETAIL_CHARS = 200;

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as a JSON body (POST). */
  json?: unknown;
  /**
   * A key sent as a query parameter (SerpApi's `api_key`): set on every hop's URL here, at the last moment, so no
   * URL that carries it exists outside this request or reaches a message.
   */
  keyParam?: { name: string; value: string };
}

export interface HttpCall {
  signal?: AbortSignal;
  /** The key this request carries: scrubbed from every message we build. */
  secret?: string;
  /** Picks the human-readable text out of the provider's own error body, if it has one. */
  describeError?: (body: unknown) => string | undefined;
  /** This request's own deadline (an account's timeout), instead of the client's. */
  deadlineMs?: number;
  /**
   * What to check when the server has nothing at the URL: by default the base URL, which the adapter's path is
   * added to; a custom endpoint's whole URL, or Klaim's user id, which is part of the path.
   */
  notFoundHint?: Message;
}

export interface HttpClientOptions {
  deadlineMs?: number;
  maxBytes?: number;
  now?: () => Date;
}

export interface HttpClient {
  /** Performs the request and returns the parsed JSON body of a 2xx answer; anything else throws AppFailure. */
  json(request: HttpRequest, call?: HttpCall): Promise<unknown>;
}

/** Strips control and format characters (bidi overrides among them), folds white space and caps the length of provider-supplied text. */
export function cleanDetail(text: string): string {
  const folded = oneLine(text);
  return folded.length > MAX_DETAIL_CHARS ? `${folded.slice(0, MAX_DETAIL_CHARS - 1)}…` : folded;
}

function statusFailure(
  status: number,
  detail: string | undefined,
  asked: number | undefined,
  now: Date,
  notFound: Message,
): AppFailure {
  const extra = { status };
  // RFC 9110 allows Retry-After on 503 (and any 5xx) as on 429; both are honoured, capped.
  const retryAfterSeconds = asked === undefined ? undefined : Math.min(asked, MAX_RETRY_AFTER_SECONDS);
  const retry = retryAfterSeconds !== undefined ? { retryAfterSeconds } : {};
  /** What the status means, then the wait it asks for, then the provider's own words. */
  const said = (what: Message, withWait = false): Message => {
    const waited =
      withWait && retryAfterSeconds !== undefined
        ? message('http.withWait', { problem: what, wait: waitText(retryAfterSeconds, now) })
        : what;
    return detail ? message('problem.withDetail', { problem: waited, detail }) : waited;
  };
  if (status === 401) return new AppFailure('auth', said(message('http.401')), extra);
  if (status === 402) return new AppFailure('payment', said(message('http.402')), extra);
  if (status === 403) return new AppFailure('forbidden', said(message('http.403')), extra);
  if (status === 404 || status === 410) return new AppFailure('not_found', said(notFound), extra);
  if (status === 429)
    return new AppFailure('rate_limited', said(message('http.429'), true), { ...extra, ...retry });
  // A proxy on the way, not the provider, wants credentials: nothing about the key or the account is known.
  if (status === 407) return new AppFailure('network', message('http.407'), extra);
  if (status === 408) return new AppFailure('timeout', said(message('http.408')), extra);
  if (status >= 500)
    return new AppFailure('server', said(message('http.server', { status }), true), { ...extra, ...retry });
  if (status === 400 || status === 405 || status === 422)
    return new AppFailure('config', said(message('http.refused', { status })), extra);
  return new AppFailure('bad_response', said(message('http.unexpected', { status })), extra);
}

function networkFailure(error: unknown, host: string): AppFailure {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
  if (code === 'ECONNREFUSED') return new AppFailure('network', message('net.refused', { host }));
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new AppFailure('network', message('net.dns', { host }));
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new AppFailure('network', message('net.reset', { host }));
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code))
    return new AppFailure('network', message('net.certificate', { host }));
  return new AppFailure(
    'network',
    code ? message('net.unreachableCode', { host, code }) : message('net.unreachable', { host }),
  );
}

async function readCapped(response: Exchange, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.body.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppFailure {
  return new AppFailure('bad_response', message('http.tooLarge', { size: Math.round(maxBytes / 1024) }));
}

function parseJson(
  bytes: Uint8Array,
  contentType: string,
): { ok: true; value: unknown } | { ok: false; html: boolean } {
  const text = new TextDecoder().decode(bytes);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, html: /html/i.test(contentType) || /^\s*</.test(text) };
  }
}

function redirectTarget(response: Exchange, current: URL): URL {
  const location = response.header('location');
  if (!location) {
    throw new AppFailure('bad_response', message('http.redirectNowhere', { status: response.status }), {
      status: response.status,
    });
  }
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new AppFailure('bad_response', message('http.redirectInvalid', { status: response.status }));
  }
  // The key travels with every hop, so only a hop to the very same origin is safe to follow.
  if (next.origin !== current.origin || urlProblem(next.href) !== null) {
    throw new AppFailure(
      'config',
      message('http.redirectElsewhere', { target: `${next.protocol}//${next.host}` }),
      { status: response.status },
    );
  }
  return next;
}

/** A deadline as the reader's words write it ("15 s", "15 秒"): made where it is shown. */
function durationText(ms: number): Message {
  return ms < 1000
    ? message('http.waitMilliseconds', { ms })
    : message('http.waitSeconds', { seconds: Math.round(ms / 1000) });
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => new Date());

  async function attempt(request: HttpRequest, call: HttpCall, signal: AbortSignal): Promise<unknown> {
    const problem = urlProblem(request.url);
    if (problem) throw new AppFailure('config', message('valid.url', { problem }));
    let url = new URL(request.url);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const body = request.json !== undefined ? JSON.stringify(request.json) : undefined;

    for (let hop = 0; ; hop++) {
      let response: Exchange;
      const target = new URL(url);
      if (request.keyParam) target.searchParams.set(request.keyParam.name, request.keyParam.value);
      try {
        response = await exchange(target, { method: request.method, headers, body, signal });
      } catch (error) {
        if (signal.aborted) throw error;
        throw networkFailure(error, url.host);
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        response.body.destroy();
        if (hop >= MAX_REDIRECTS) throw new AppFailure('bad_response', message('http.tooManyRedirects'));
        url = redirectTarget(response, url);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, maxBytes);
      } catch (error) {
        if (error instanceof AppFailure || signal.aborted) throw error;
        throw networkFailure(error, url.host);
      }
      const contentType = response.header('content-type') ?? '';
      const parsed = parseJson(bytes, contentType);
      if (response.status < 200 || response.status >= 300) {
        const raw = parsed.ok && call.describeError ? call.describeError(parsed.value) : undefined;
        // Scrubbed before it is cut: a key straddling the cut would otherwise leave its first characters.
        const detail = raw ? cleanDetail(scrubSecret(raw, call.secret)) : undefined;
        const at = now();
        const retryAfter = parseRetryAfter(response.header('retry-after'), response.header('date'), at);
        // The path the server knows nothing of: the part of the URL a person checks (a key in it is scrubbed).
        const notFound = message('http.notFound', {
          status: response.status,
          path: cleanDetail(scrubSecret(url.pathname, call.secret)),
          hint: call.notFoundHint ?? message('http.checkBaseUrl'),
        });
        throw statusFailure(response.status, detail || undefined, retryAfter, at, notFound);
      }
      if (!parsed.ok) {
        throw new AppFailure('bad_response', parsed.html ? message('http.html') : message('http.notJson'), {
          status: response.status,
        });
      }
      return parsed.value;
    }
  }

  return {
    async json(request, call = {}) {
      const ms = call.deadlineMs ?? deadlineMs;
      const deadline = AbortSignal.timeout(ms);
      const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
      try {
        return await attempt(request, call, signal);
      } catch (error) {
        if (error instanceof AppFailure) throw error;
        if (deadline.aborted) {
          throw new AppFailure('timeout', message('http.deadline', { time: durationText(ms) }));
        }
        if (call.signal?.aborted) throw new AppFailure('timeout', message('http.cancelled'));
        throw networkFailure(error, new URL(request.url).host);
      }
    },
  };
}

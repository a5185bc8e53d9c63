import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenMetricsContentType, Registry } from 'prom-client';
import { translatorFor } from '../../../shared/i18n/catalogs';
import { acceptedLanguages, chooseLanguage } from '../../../shared/i18n/languages';
import type { LatestResults } from '../monitor/latest-results';
import { outlookOf, spokenStatus, toAccountStatus } from '../present/account-status';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the bearer token; compared in constant time (digests of equal length). */
export function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
}

/** Whether a Host header names this machine's loopback (with any port), or is absent (HTTP/1.0). */
export function loopbackHost(host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(host.trim().toLowerCase())?.[1];
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

/** Whether the scraper asked for OpenMetrics (Prometheus does when it can). */
export function wantsOpenMetrics(accept: string | undefined): boolean {
  return /application\/openmetrics-text/i.test(accept ?? '');
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

/**
 * `/metrics`, `/api/v1/accounts` and `/healthz`, read from the exporter's state: a request never causes a provider
 * request. With a token, every path but `/healthz` needs it.
 */
export function serveHandler(options: {
  state: LatestResults;
  registries: { text: Registry; openMetrics: Registry<OpenMetricsContentType> };
  token: string | null;
  now: () => Date;
}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Without a token, serve listens on loopback only, where a web page could still reach it by a name of its
    // own pointed at 127.0.0.1 (DNS rebinding) and read every balance: only loopback names are answered.
    if (options.token === null && !loopbackHost(req.headers.host)) {
      send(res, 403, 'text/plain; charset=utf-8', 'Only 127.0.0.1, localhost and [::1] are served\n');
      return;
    }
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://creditbar').pathname;
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Not a request target\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Only GET is served\n', { allow: 'GET, HEAD' });
      return;
    }
    if (path === '/healthz') {
      send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
      return;
    }
    if (options.token !== null && !hasToken(req.headers.authorization, options.token)) {
      send(res, 401, 'text/plain; charset=utf-8', 'A bearer token is required\n', {
        'www-authenticate': 'Bearer realm="creditbar"',
      });
      return;
    }
    if (path === '/metrics') {
      const registry = wantsOpenMetrics(req.headers.accept)
        ? options.registries.openMetrics
        : options.registries.text;
      send(res, 200, registry.contentType, await registry.metrics());
      return;
    }
    if (path === '/api/v1/accounts') {
      // Problems are said in the language the client asks for (English when it names none of ours), not the
      // server's: a dashboard in Munich and a script in CI read the same endpoint.
      const tr = translatorFor(chooseLanguage(undefined, acceptedLanguages(req.headers['accept-language'])));
      const accounts = options.state
        .list()
        .map((e) =>
          spokenStatus(
            tr,
            toAccountStatus(e.result, options.now(), e.forecast),
            outlookOf(e.result.snapshot, e.forecast),
          ),
        );
      send(res, 200, 'application/json', `${JSON.stringify({ accounts })}\n`, {
        'content-language': tr.language,
        vary: 'Accept-Language',
      });
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found: try /metrics, /api/v1/accounts or /healthz\n');
  };
}

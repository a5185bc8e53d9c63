import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenMetricsContentType, Registry } from 'prom-client';
import { translatorFor } from '../../../shared/i18n/catalogs';
import { acceptedLanguages, chooseLanguage } from '../../../shared/i18n/languages';
import type { LatestResults } from '../monitor/latest-results';
import { spokenStatus, toAccountStatus } from '../present/account-status';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the bearer token; compared in constant time (digests of equal length). */
export function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
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
    const path = new URL(req.url ?? '/', 'http://creditbar').pathname;
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
        .map((e) => spokenStatus(tr, toAccountStatus(e.result, options.now())));
      send(res, 200, 'application/json', `${JSON.stringify({ accounts })}\n`, {
        'content-language': tr.language,
        vary: 'Accept-Language',
      });
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found: try /metrics, /api/v1/accounts or /healthz\n');
  };
}

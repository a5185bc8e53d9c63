import type { IncomingMessage } from 'node:http';

export interface ExchangeInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** A response whose body has not been read yet. */
export interface Exchange {
  status: number;
  header(name: string): string | null;
  body: IncomingMessage;
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * One request over node:http, or node:https loaded only for an https URL. Node's global fetch loads undici on its
 * first call, about 30 ms that every `creditbar status` paid before printing a line; these modules cost a third
 * of that. Aborting the signal destroys the request, or the response while its body is read.
 */
export async function exchange(url: URL, init: ExchangeInit): Promise<Exchange> {
  const transport = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const headers: Record<string, string | number> = { ...init.headers };
  if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: init.method, headers, signal: init.signal },
      (response) =>
        resolve({
          status: response.statusCode ?? 0,
          header: (name) => headerText(response.headers[name.toLowerCase()]),
          body: response,
        }),
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

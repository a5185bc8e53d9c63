import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LatestResults } from '../monitor/latest-results';
import { createRegistries } from './metrics';
import { serveHandler } from './serve-http';

export interface MetricsServer {
  /** Where it listens, e.g. http://127.0.0.1:9464 */
  base: string;
  close(): Promise<void>;
}

/** Serves `/metrics`, `/api/v1/accounts` and `/healthz` from the state; rejects with the listen error's code. */
export async function startMetricsServer(options: {
  state: LatestResults;
  host: string;
  port: number;
  token: string | null;
  now: () => Date;
}): Promise<MetricsServer> {
  const handle = serveHandler({
    state: options.state,
    registries: createRegistries(options.state, options.now),
    token: options.token,
    now: options.now,
  });
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    base: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive scrapers would hold the close open until they hang up.
        server.closeAllConnections();
      }),
  };
}

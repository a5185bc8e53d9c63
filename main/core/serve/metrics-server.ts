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

const IDLE_MS = 10_000;
const MAX_CONNECTIONS = 64;

/** Serves `/metrics`, `/api/v1/accounts` and `/healthz` from the state; rejects with the listen error's code. */
export async function startMetricsServer(options: {
  state: LatestResults;
  host: string;
  port: number;
  token: string | null;
  now: () => Date;
  /** Alerts given up per channel (ChannelService.failureCounts). */
  channelFailures?: () => ReadonlyMap<string, number>;
  /** How long a connection may sit without sending a byte; tests shorten it. */
  idleMs?: number;
}): Promise<MetricsServer> {
  const handle = serveHandler({
    state: options.state,
    registries: createRegistries(options.state, options.now, options.channelFailures),
    token: options.token,
    now: options.now,
  });
  const idleMs = options.idleMs ?? IDLE_MS;
  const server = createServer(
    // A scrape is one small request: a client that sends nothing, or its headers a byte at a time, is let go.
    {
      headersTimeout: idleMs,
      requestTimeout: idleMs * 2,
      connectionsCheckingInterval: Math.min(idleMs, 1000),
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
  );
  // A connection idle this long is closed (no 'timeout' listener: Node destroys it), and at most this many are held.
  server.setTimeout(idleMs);
  server.maxConnections = MAX_CONNECTIONS;
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

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

/** What a fake answers: JSON by default, or raw text with its own content type. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** Faults a real provider (or the network in front of it) can produce; each one replaces the next answer. */
export type Fault = (
  | { type: 'reply'; reply: FakeReply }
  | { type: 'html' }
  | { type: 'truncated' }
  | { type: 'huge'; bytes: number }
  | { type: 'hang' }
  | { type: 'reset' }
  | { type: 'redirect'; location: string }
  /** Chunks without end, until the client hangs up. */
  | { type: 'endless' }
  /** Status line and headers one byte at a time, slower than any deadline. */
  | { type: 'slow-headers' }
  /** Headers and half a body, then silence. */
  | { type: 'stall-body' }
  /** Headers and half a body, then the connection is cut. */
  | { type: 'reset-body' }
) & {
  /** Only a request to this path takes the fault; without it, the next request does. */
  path?: string;
};

export type Handler = (request: RecordedRequest) => FakeReply;

/** Where a provider's documented examples are: in its own folder (native providers), else test/fixtures (presets). */
export function fixtureDir(provider: string): string {
  const own = path.join(__dirname, '..', '..', 'providers', provider, 'fixtures');
  return existsSync(own) ? own : path.join(__dirname, '..', 'fixtures', provider);
}

export function fixture<T = unknown>(provider: string, name: string): T {
  return JSON.parse(readFileSync(path.join(fixtureDir(provider), name), 'utf8')) as T;
}

/** A real HTTP server on 127.0.0.1 and a random port, speaking whatever protocol its handler implements. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(handler: Handler): Promise<FakeServer> {
    let self: FakeServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => self?.answer(req, res, Buffer.concat(chunks).toString('utf8'), handler));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new FakeServer(server, `http://127.0.0.1:${port}`);
    server.on('connection', (socket) => {
      self?.sockets.add(socket);
      socket.on('close', () => self?.sockets.delete(socket));
    });
    return self;
  }

  /** Queues faults: each answers one request, in order, before the protocol handler answers again. */
  fail(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse, body: string, handler: Handler): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const index = this.faults.findIndex((f) => f.path === undefined || f.path === recorded.path);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
    if (!fault) {
      send(res, handler(recorded));
      return;
    }
    switch (fault.type) {
      case 'reply':
        send(res, fault.reply);
        return;
      case 'html':
        send(res, {
          status: 200,
          headers: { 'content-type': 'text/html' },
          text: '<!doctype html><h1>Welcome</h1>',
        });
        return;
      case 'truncated':
        send(res, { status: 200, text: '{"balance_credits": 12, "usage": [{"id": "u1", "cre' });
        return;
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const block = Buffer.alloc(64 * 1024, 0x20);
        res.write('{"padding":"');
        let sent = 0;
        const pump = () => {
          while (sent < fault.bytes) {
            sent += block.length;
            if (!res.write(block)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end('"}');
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'endless': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {
            // keep writing until the socket pushes back
          }
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'slow-headers': {
        const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n';
        let i = 0;
        const timer = setInterval(() => {
          if (req.socket.destroyed || i >= head.length) {
            clearInterval(timer);
            return;
          }
          req.socket.write(head[i++] as string);
        }, 100);
        req.socket.on('close', () => clearInterval(timer));
        return;
      }
      case 'stall-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"balance_credits": 12, "has_cre');
        return;
      case 'reset-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"balance_credits": 12, "has_cre', () => setTimeout(() => req.socket.destroy(), 20));
        return;
      case 'redirect':
        send(res, { status: 302, headers: { location: fault.location }, text: '' });
        return;
    }
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  const text = reply.text ?? JSON.stringify(reply.json ?? null);
  const contentType = reply.text !== undefined ? 'text/plain' : 'application/json';
  res.writeHead(reply.status ?? 200, { 'content-type': contentType, ...reply.headers });
  res.end(text);
}

import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LatestResults } from '../../../main/core/monitor/latest-results';
import { type MetricsServer, startMetricsServer } from '../../../main/core/serve/metrics-server';
import { loopbackHost } from '../../../main/core/serve/serve-http';

let server: MetricsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const start = async (idleMs?: number) => {
  server = await startMetricsServer({
    state: new LatestResults(),
    host: '127.0.0.1',
    port: 0,
    token: null,
    now: () => new Date(),
    ...(idleMs ? { idleMs } : {}),
  });
  return new URL(server.base);
};

/** A GET with the Host header a browser would send for the name it resolved. */
const get = (base: URL, path: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

/** Raw bytes on a fresh connection, and what came back before it closed. */
const raw = (base: URL, bytes: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(Number(base.port), base.hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });

describe('serve’s HTTP server, on loopback without a token', () => {
  it.each([
    ['127.0.0.1:9464', true],
    ['localhost:9464', true],
    ['LOCALHOST', true],
    ['[::1]:9464', true],
    [undefined, true],
    ['rebound.attacker.example:9464', false],
    ['127.0.0.1.nip.io:9464', false],
    ['localhost.attacker.example', false],
  ])('Host %s is answered: %s', (host, answered) => {
    expect(loopbackHost(host)).toBe(answered);
  });

  it('a page that reached it by another name (DNS rebinding) is refused; loopback names are answered', async () => {
    const base = await start();
    expect(await get(base, '/api/v1/accounts', `rebound.attacker.example:${base.port}`)).toBe(403);
    expect(await get(base, '/api/v1/accounts', `127.0.0.1:${base.port}`)).toBe(200);
    expect(await get(base, '/metrics', `localhost:${base.port}`)).toBe(200);
  });

  it('a request target that is no URL gets 400, not 500', async () => {
    const base = await start();
    const answer = await raw(
      base,
      `GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('a connection that never sends a byte is closed once idle', async () => {
    const base = await start(300);
    const answer = await raw(base, '');
    // Closed by the server, with nothing (or a 408) said: the test ends only if it closes.
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/core/errors';
import { scrubSecret } from '../../../main/core/providers/failure';
import { cleanDetail, createHttpClient } from '../../../main/core/providers/http';
import { parseRetryAfter } from '../../../main/core/providers/retry-after';
import { FakeServer, type Fault } from '../../fakes/fake-server';
import { say } from '../../support/english';
import { failureOf } from '../../support/failure';

describe('Retry-After', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    ['120', null, 120],
    ['0', null, 0],
    [' 5 ', null, 5],
    // An HTTP-date is measured against the response's own Date, not our clock (ours is 10 min fast here).
    ['Sun, 22 Nov 2026 11:51:00 GMT', 'Sun, 22 Nov 2026 11:50:00 GMT', 60],
    ['Sun, 22 Nov 2026 12:01:30 GMT', null, 90],
    ['Sun, 22 Nov 2026 11:00:00 GMT', null, 0],
    ['soon', null, undefined],
    ['-5', null, undefined],
  ])('%j with Date %j is %j seconds', (value, date, expected) => {
    expect(parseRetryAfter(value, date, now)).toBe(expected);
  });
  it('no header is undefined', () => expect(parseRetryAfter(null, null, now)).toBeUndefined());
});

describe('HTTP client', () => {
  it('refuses plain http to a host that is not loopback before sending anything', async () => {
    const http = createHttpClient();
    expect(await failureOf(http.json({ method: 'GET', url: 'http://api.example.com/v1' }))).toMatchObject({
      kind: 'config',
      message: 'This URL must use https',
    });
  });

  it('refuses a redirect from loopback to plain http elsewhere, and a redirect loop', async () => {
    const loop = await FakeServer.start(() => ({ status: 302, headers: { location: '/again' } }));
    try {
      expect(await failureOf(createHttpClient().json({ method: 'GET', url: `${loop.url}/x` }))).toMatchObject(
        {
          kind: 'bad_response',
          message: 'Too many redirects',
        },
      );
      expect(loop.requests).toHaveLength(6);
    } finally {
      await loop.close();
    }
  });

  it('maps a self-signed https server to a network error saying the certificate is not trusted', async () => {
    const { createServer } = await import('node:https');
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    let hits = 0;
    const server = createServer(
      { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
      (_req, res) => {
        hits++;
        res.end('{}');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(
        await failureOf(
          createHttpClient().json(
            { method: 'GET', url: `https://127.0.0.1:${port}/` },
            { secret: 'sekrit-value' },
          ),
        ),
      ).toMatchObject({
        kind: 'network',
        message: expect.stringMatching(/certificate is not trusted/),
      });
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('an outside abort ends the request at once', async () => {
    const hang = await FakeServer.start(() => ({}));
    hang.fail({ type: 'hang' });
    try {
      const controller = new AbortController();
      const pending = createHttpClient({ deadlineMs: 10_000 }).json(
        { method: 'GET', url: hang.url },
        { signal: controller.signal },
      );
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(AppFailure);
    } finally {
      await hang.close();
    }
  });
});

describe('faults below HTTP, once for every provider (each adapter reads through this client)', () => {
  it.each<[string, Fault, string, RegExp]>([
    ['a web page with status 200', { type: 'html' }, 'bad_response', /web page/],
    ['cut-off JSON', { type: 'truncated' }, 'bad_response', /not valid JSON/],
    ['a 10 MiB body', { type: 'huge', bytes: 10 * 1024 * 1024 }, 'bad_response', /larger than 2048 KiB/],
    ['a server that never answers', { type: 'hang' }, 'timeout', /within 100 ms/],
    ['a connection reset', { type: 'reset' }, 'network', /cut off|Could not reach/],
  ])('%s is %s, said plainly', async (_name, fault, kind, message) => {
    const server = await FakeServer.start(() => ({ json: { ok: true } }));
    server.fail(fault);
    try {
      const answer = createHttpClient({ deadlineMs: 100 }).json({
        method: 'GET',
        url: `${server.url}/v1/usage`,
      });
      expect(await failureOf(answer)).toMatchObject({ kind, message: expect.stringMatching(message) });
    } finally {
      await server.close();
    }
  });
});

describe('text shown to people', () => {
  it('cleanDetail drops control and bidi characters and caps the length', () => {
    expect(cleanDetail('bad\u202Ekey\u0000\n\tnow')).toBe('bad key now');
    expect(cleanDetail('x'.repeat(500))).toHaveLength(200);
  });
  it('scrubSecret removes the key, its base64 and its URL-encoded form', () => {
    const key = 'k/ey+9=abc';
    const text = `a ${key} b ${Buffer.from(key).toString('base64')} c ${encodeURIComponent(key)}`;
    expect(scrubSecret(text, key)).toBe('a **** b **** c ****');
  });

  it('a 503 with Retry-After carries the wait (RFC 9110 allows it there as on 429)', async () => {
    const busy = await FakeServer.start(() => ({ status: 503, headers: { 'retry-after': '120' }, json: {} }));
    try {
      const failure = await createHttpClient({ deadlineMs: 2000 })
        .json({ method: 'GET', url: busy.url })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ kind: 'server', retryAfterSeconds: 120 });
      expect(say((failure as AppFailure).said)).toMatch(/asks to wait 120 s/);
    } finally {
      await busy.close();
    }
  });

  it('an absurd Retry-After is capped at 6 h and said as a time, not as 2300891229 s', async () => {
    const absurd = await FakeServer.start(() => ({
      status: 429,
      headers: { 'retry-after': '2300891229' },
      json: {},
    }));
    try {
      const failure = (await createHttpClient({ deadlineMs: 2000 })
        .json({ method: 'GET', url: absurd.url })
        .catch((e: unknown) => e)) as AppFailure;
      expect(failure.retryAfterSeconds).toBe(6 * 3600);
      expect(say(failure.said)).toMatch(/asks to wait until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(say(failure.said)).not.toContain('2300891229');
    } finally {
      await absurd.close();
    }
  });
});

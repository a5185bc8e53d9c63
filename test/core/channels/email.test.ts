import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelService } from '../../../main/core/channels/channel-service';
import { OutboxStore } from '../../../main/core/store/outbox-store';
import { Channel } from '../../../shared/channels';
import { message } from '../../../shared/message';
import { FakeClock } from '../../support/fake-clock';
import { spoken } from '../../support/said';

/** A real SMTP server on loopback: STARTTLS with its own certificate, AUTH PLAIN/LOGIN required. */
let server: SMTPServer;
let port: number;
const received: { from: string; to: string[]; data: string; secure: boolean; user: string }[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // No AUTH before STARTTLS: a password is never sent in the clear.
    allowInsecureAuth: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'alerts@example.com' && auth.password === 'app-password-1')
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: String(session.user),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function serviceWith(password: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-email-'));
  const channel = Channel.parse({
    id: 'mail',
    type: 'email',
    host: '127.0.0.1',
    port,
    security: 'starttls',
    user: 'alerts@example.com',
    from: 'alerts@example.com',
    to: ['me@example.com', 'team@example.com'],
    language: 'de',
  });
  const failed: string[] = [];
  const service = new ChannelService(
    {
      outbox: new OutboxStore(path.join(dir, 'outbox')),
      channels: () => [channel],
      keychain: { get: async () => password, set: async () => undefined, delete: async () => true },
      env: {},
      clock: new FakeClock(Date.parse('2026-12-07T09:00:00Z')),
      language: () => 'en',
      owner: () => true,
    },
    { failed: (entry) => failed.push(spoken(entry.lastProblem) ?? '') },
  );
  return { service, channel, failed };
}

describe('email through a real SMTP server on loopback', () => {
  it('upgrades with STARTTLS, logs in, and delivers the alert in the channel’s language', async () => {
    const { service, failed } = await serviceWith('app-password-1');
    service.start();
    await service.enqueue(
      {
        accountId: 'oa',
        kind: 'empty',
        severity: 'critical',
        title: message('alert.emptyTitle', { name: 'OpenAI' }),
        body: message('alert.paymentBody'),
      },
      null,
    );
    await service.settled();
    expect(failed).toEqual([]);
    const mail = received.at(-1);
    expect(mail).toMatchObject({
      from: 'alerts@example.com',
      to: ['me@example.com', 'team@example.com'],
      secure: true,
      user: 'alerts@example.com',
    });
    // German, as the channel asks, whatever the app speaks.
    expect(mail?.data).toMatch(/Subject: .*OpenAI/);
    expect(mail?.data).not.toContain('app-password-1');
  });

  it('a refused password is given up at once, said by the server’s code, the password never in it', async () => {
    const { service, failed } = await serviceWith('wrong-password');
    service.start();
    const before = received.length;
    await service.enqueue(
      {
        accountId: null,
        kind: 'summary',
        severity: 'warning',
        title: message('channel.testTitle'),
        body: message('channel.testBody'),
      },
      null,
    );
    await service.settled();
    expect(received.length).toBe(before);
    expect(failed).toEqual(['The mail server answered 535 EAUTH']);
    expect(failed.join('')).not.toContain('wrong-password');
  });
});

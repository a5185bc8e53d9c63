import { createHmac } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelService } from '../../../main/core/channels/channel-service';
import { OutboxStore } from '../../../main/core/store/outbox-store';
import type { SecretStore } from '../../../main/core/store/secrets';
import type { AlertIntent } from '../../../shared/alerts';
import { Channel, type ChannelAlert, type ChannelInput } from '../../../shared/channels';
import { message } from '../../../shared/message';
import { type FakeReply, FakeServer, type RecordedRequest } from '../../fakes/fake-server';
import { FakeClock } from '../../support/fake-clock';
import { spoken } from '../../support/said';

const NOW = Date.parse('2026-12-07T09:00:00Z');

/** A loopback receiver that answers as the service's webhook contract does, and records what it got. */
let receiver: FakeServer;
/** The answers to give next, per path, before the usual one. */
const scripted = new Map<string, FakeReply[]>();

function usual(request: RecordedRequest): FakeReply {
  if (request.path.startsWith('/slack')) return { text: 'ok' };
  if (request.path.startsWith('/discord')) return { status: 204, text: '' };
  if (request.path.startsWith('/teams')) return { status: 202, text: '' };
  if (request.path.startsWith('/bot')) return { json: { ok: true, result: { message_id: 7 } } };
  if (request.path.startsWith('/ntfy')) return { json: { id: 'abc', event: 'message' } };
  return { json: { received: true } };
}

beforeAll(async () => {
  receiver = await FakeServer.start((request) => {
    const key = [...scripted.keys()].find((prefix) => request.path.startsWith(prefix));
    const next = key ? scripted.get(key)?.shift() : undefined;
    return next ?? usual(request);
  });
});
afterAll(() => receiver.close());

const intent: AlertIntent = {
  accountId: 'oa',
  kind: 'low',
  severity: 'critical',
  title: message('alert.criticalTitle', { name: 'OpenAI <prod>' }),
  body: message('alert.emptyBody', { left: { amount: 4.2, unit: 'USD' } }),
};
const figures: ChannelAlert['account'] = {
  id: 'oa',
  label: 'OpenAI <prod>',
  provider: 'openai',
  level: 'critical',
  remaining: 4.2,
  unit: 'USD',
  estimated: true,
  daysLeft: 1.5,
  link: 'https://platform.openai.com/settings/organization/billing/overview',
};
const BILLING = 'https://platform.openai.com/settings/organization/billing/overview';

function keychainOf(items: Record<string, string>): SecretStore {
  return {
    get: async (name) => items[name] ?? null,
    set: async () => undefined,
    delete: async () => true,
  };
}

async function serviceFor(channels: ChannelInput[], secrets: Record<string, string>, owner = true) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-channels-'));
  const outbox = new OutboxStore(path.join(dir, 'outbox'));
  const clock = new FakeClock(NOW);
  const failed: string[] = [];
  const parsed = channels.map((c) => Channel.parse(c));
  const service = new ChannelService(
    {
      outbox,
      channels: () => parsed,
      keychain: keychainOf(secrets),
      env: {},
      clock,
      language: () => 'en',
      owner: () => owner,
    },
    { failed: (entry) => failed.push(`${entry.channelId}: ${spoken(entry.lastProblem)}`) },
  );
  service.start();
  const advance = async (ms: number) => {
    await service.settled();
    await clock.advance(ms, () => service.settled());
    await service.settled();
  };
  return { service, outbox, failed, advance, dir };
}

/** The local clock time `hours` after NOW, as quiet hours are written. */
function clock(hours: number): string {
  const at = new Date(NOW + hours * 3_600_000);
  return `${String(at.getHours()).padStart(2, '0')}:00`;
}

const got = (prefix: string) => receiver.requests.filter((r) => r.path.startsWith(prefix));

describe('alert channels, each to a receiver speaking its contract', () => {
  it('delivers one alert to every channel in its own shape, the secrets never in a message', async () => {
    const url = receiver.url;
    const { service, advance, outbox } = await serviceFor(
      [
        { id: 'hook', type: 'webhook' },
        { id: 'team', type: 'slack' },
        { id: 'ops', type: 'discord' },
        { id: 'office', type: 'teams' },
        { id: 'phone', type: 'ntfy', server: `${url}/ntfy`, topic: 'credit-alerts' },
        { id: 'tg', type: 'telegram', chatId: '-100123', apiBase: url },
      ],
      {
        'channel:hook': `${url}/hook/in`,
        'channel:hook:hmac': 'signing-key',
        'channel:team': `${url}/slack/T0/B0/xyz`,
        'channel:ops': `${url}/discord/api/webhooks/1/tok`,
        'channel:office': `${url}/teams/workflows/run`,
        'channel:phone': 'tk_ntfy_token',
        'channel:tg': '123456:ABC-bot-token',
      },
    );
    await service.enqueue(intent, figures);
    await advance(10);
    expect(await outbox.pending()).toEqual([]);

    const [hook] = got('/hook');
    const payload = JSON.parse(hook?.body ?? '{}');
    expect(payload).toMatchObject({
      version: 1,
      kind: 'low',
      severity: 'critical',
      test: false,
      title: 'OpenAI <prod> is very low',
      account: { id: 'oa', remaining: 4.2, unit: 'USD', estimated: true, daysLeft: 1.5 },
    });
    expect(hook?.headers['idempotency-key']).toBe(payload.id);
    expect(hook?.headers['x-creditbar-signature']).toBe(
      `sha256=${createHmac('sha256', 'signing-key')
        .update(hook?.body ?? '')
        .digest('hex')}`,
    );

    const slack = JSON.parse(got('/slack')[0]?.body ?? '{}');
    // Slack's markup characters in a name are written as text.
    expect(slack.blocks[0].text.text).toMatch(/^\*OpenAI &lt;prod&gt; is very low\*\n/);
    // Back to where the account is topped up, wherever the transport carries a link.
    expect(slack.blocks[0].text.text).toContain(`<${BILLING}|Top up or see the balance>`);
    const discord = JSON.parse(got('/discord')[0]?.body ?? '{}');
    expect(discord).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [{ color: 0xd93025, url: BILLING }],
    });
    const teams = JSON.parse(got('/teams')[0]?.body ?? '{}');
    expect(teams.attachments[0].content).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.4',
      actions: [{ type: 'Action.OpenUrl', url: BILLING }],
    });
    const ntfy = got('/ntfy')[0];
    expect(ntfy?.path).toBe('/ntfy/credit-alerts');
    expect(ntfy?.headers).toMatchObject({
      title: 'OpenAI <prod> is very low',
      priority: '5',
      tags: 'rotating_light',
      authorization: 'Bearer tk_ntfy_token',
      click: BILLING,
    });
    const tg = got('/bot')[0];
    expect(tg?.path).toBe('/bot123456:ABC-bot-token/sendMessage');
    expect(JSON.parse(tg?.body ?? '{}')).toMatchObject({ chat_id: '-100123' });
    expect(JSON.parse(tg?.body ?? '{}').text).toContain(BILLING);
    expect(payload.account.link).toBe(BILLING);
  });

  it('a 429 waits as asked (Retry-After, Discord’s retry_after), then delivers once', async () => {
    scripted.set('/slack', [{ status: 429, headers: { 'retry-after': '30' }, text: 'rate_limited' }]);
    scripted.set('/discord', [
      { status: 429, json: { message: 'You are being rate limited.', retry_after: 12.5 } },
    ]);
    const before = { slack: got('/slack').length, discord: got('/discord').length };
    const { service, advance, outbox } = await serviceFor(
      [
        { id: 'team', type: 'slack' },
        { id: 'ops', type: 'discord' },
      ],
      { 'channel:team': `${receiver.url}/slack/x`, 'channel:ops': `${receiver.url}/discord/x` },
    );
    await service.enqueue(intent, figures);
    await advance(10);
    const waiting = await outbox.pending();
    expect(waiting.map((e) => [e.channelId, Date.parse(e.nextAt) - NOW])).toEqual(
      expect.arrayContaining([
        ['ops', expect.closeTo(12_500, -2)],
        ['team', expect.closeTo(30_000, -2)],
      ]),
    );
    await advance(13_000);
    expect(got('/discord').length - before.discord).toBe(2);
    expect(got('/slack').length - before.slack).toBe(1);
    await advance(20_000);
    expect(got('/slack').length - before.slack).toBe(2);
    expect(await outbox.pending()).toEqual([]);
  });

  it('a refusal is given up at once and said in the transport’s words, never with the URL or token', async () => {
    scripted.set('/slack', [{ status: 404, text: 'no_service' }]);
    scripted.set('/bot', [
      { status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } },
    ]);
    const { service, advance, outbox, failed } = await serviceFor(
      [
        { id: 'team', type: 'slack' },
        { id: 'tg', type: 'telegram', chatId: '42', apiBase: receiver.url },
      ],
      { 'channel:team': `${receiver.url}/slack/secret-path`, 'channel:tg': '999:secret-token' },
    );
    await service.enqueue(intent, figures);
    await advance(10);
    expect(failed.sort()).toEqual([
      'team: Slack answered 404 no_service: the webhook was removed, or its URL is wrong',
      'tg: Telegram answered 401 Unauthorized: the token, password or URL was refused',
    ]);
    expect((await outbox.failed()).map((e) => e.channelId).sort()).toEqual(['team', 'tg']);
    expect(JSON.stringify(await outbox.failed())).not.toMatch(/secret-path|secret-token/);
  });

  it('Teams and ntfy refusals in their own bodies; ntfy’s 429 waits as asked', async () => {
    scripted.set('/teams', [{ status: 400, text: 'Invalid request: the card could not be parsed' }]);
    scripted.set('/ntfy', [
      {
        status: 429,
        headers: { 'retry-after': '5' },
        json: { code: 42901, http: 429, error: 'limit reached' },
      },
      { status: 403, json: { code: 40301, http: 403, error: 'forbidden' } },
    ]);
    const { service, advance, failed } = await serviceFor(
      [
        { id: 'office', type: 'teams' },
        { id: 'phone', type: 'ntfy', server: `${receiver.url}/ntfy`, topic: 'alerts' },
      ],
      { 'channel:office': `${receiver.url}/teams/run` },
    );
    await service.enqueue(intent, figures);
    await advance(10);
    expect(failed).toEqual([
      'office: Teams answered 400 Invalid request: the card could not be parsed: the message was refused as it was sent',
    ]);
    await advance(6_000);
    expect(failed).toContain('phone: ntfy answered 403 forbidden: the token, password or URL was refused');
  });

  it('a server that keeps failing is tried with backoff for a day, then given up', async () => {
    scripted.set(
      '/hook',
      Array.from({ length: 200 }, () => ({ status: 503, text: 'busy' })),
    );
    const { service, advance, failed } = await serviceFor([{ id: 'hook', type: 'webhook' }], {
      'channel:hook': `${receiver.url}/hook/busy`,
    });
    const before = got('/hook').length;
    await service.enqueue(intent, figures);
    await advance(23 * 3_600_000);
    const tries = got('/hook').length - before;
    // 30 s, 1, 2, 4, 8, 16 min, then every half hour: about 50 in 23 hours, never a storm.
    expect(tries).toBeGreaterThan(40);
    expect(tries).toBeLessThan(60);
    expect(failed).toEqual([]);
    await advance(2 * 3_600_000);
    expect(failed).toEqual(['hook: The webhook answered 503']);
    scripted.delete('/hook');
  });

  it('what a killed process left in the outbox is sent once by the next, with the same idempotency key', async () => {
    const first = await serviceFor([{ id: 'hook', type: 'webhook' }], {
      'channel:hook': `${receiver.url}/hook/after-crash`,
    });
    // Not the owner: it writes, but sends nothing (as a process killed between write and send).
    await first.service.stop();
    await first.service.enqueue(intent, figures);
    const [left] = await first.outbox.pending();
    expect(left).toBeDefined();
    const second = new ChannelService({
      outbox: first.outbox,
      channels: () => [Channel.parse({ id: 'hook', type: 'webhook' })],
      keychain: keychainOf({ 'channel:hook': `${receiver.url}/hook/after-crash` }),
      env: {},
      clock: new FakeClock(NOW),
      language: () => 'en',
      owner: () => true,
    });
    second.start();
    await second.settled();
    const delivered = got('/hook/after-crash');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.headers['idempotency-key']).toBe(left?.alert.id);
    expect(await readdir(first.outbox.dir)).toEqual([]);
  });

  it('a keychain that cannot be read for a moment delays the delivery; it is not given up', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-channels-locked-'));
    const outbox = new OutboxStore(path.join(dir, 'outbox'));
    const clock = new FakeClock(NOW);
    let locked = true;
    const failed: string[] = [];
    const service = new ChannelService(
      {
        outbox,
        channels: () => [Channel.parse({ id: 'hook', type: 'webhook' })],
        keychain: {
          get: async () => {
            if (locked) throw new Error('The keychain is locked');
            return `${receiver.url}/hook/unlocked`;
          },
          set: async () => undefined,
          delete: async () => true,
        },
        env: {},
        clock,
        language: () => 'en',
        owner: () => true,
      },
      { failed: (entry) => failed.push(entry.channelId) },
    );
    service.start();
    await service.enqueue(intent, figures);
    await service.settled();
    expect(failed).toEqual([]);
    expect(await outbox.pending()).toHaveLength(1);
    locked = false;
    await clock.advance(60_000, () => service.settled());
    await service.settled();
    expect(got('/hook/unlocked')).toHaveLength(1);
  });

  it('a process that does not own the data dir never sends', async () => {
    const { service, advance, outbox } = await serviceFor(
      [{ id: 'hook', type: 'webhook' }],
      {
        'channel:hook': `${receiver.url}/hook/not-owner`,
      },
      false,
    );
    await service.enqueue(intent, figures);
    await advance(60_000);
    expect(got('/hook/not-owner')).toEqual([]);
    expect(await outbox.pending()).toHaveLength(1);
  });

  it('routes by account and level, and holds for the channel’s own quiet hours', async () => {
    const { service, advance } = await serviceFor(
      [
        { id: 'only-other', type: 'webhook', accounts: ['other'] },
        { id: 'critical-only', type: 'webhook', minLevel: 'critical' },
        // Quiet from this hour (in the machine's own time zone) for two hours.
        { id: 'night', type: 'webhook', quietHours: { start: clock(0), end: clock(2) } },
      ],
      {
        'channel:only-other': `${receiver.url}/hook/other`,
        'channel:critical-only': `${receiver.url}/hook/critical`,
        'channel:night': `${receiver.url}/hook/night`,
      },
    );
    await service.enqueue({ ...intent, severity: 'warning' }, figures);
    await service.enqueue(intent, figures);
    await advance(10);
    expect(got('/hook/other')).toEqual([]);
    expect(got('/hook/critical')).toHaveLength(1);
    expect(got('/hook/night')).toEqual([]);
    // The machine's local time decides quiet hours; the test asks for the window to pass, whichever zone.
    await advance(24 * 3_600_000);
    expect(got('/hook/night')).toHaveLength(2);
  });
});

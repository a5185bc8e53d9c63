import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeReply, FakeServer } from '../fakes/fake-server';
import { type FakeProvider, startHappenstance } from '../fakes/providers';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { runBuiltCli, startBuiltCli } from '../support/run-built-cli';

let receiver: FakeServer;
let hs: FakeProvider;
let dataDir: string;
let env: Record<string, string>;
const answers: FakeReply[] = [];

beforeAll(async () => {
  // A Slack-like receiver: "ok" unless told otherwise; and a webhook receiver under /hook.
  receiver = await FakeServer.start((request) =>
    // A Discord webhook that was deleted answers as Discord does.
    request.path.startsWith('/gone/')
      ? { status: 404, json: { message: 'Unknown Webhook', code: 10015 } }
      : (answers.shift() ?? { text: 'ok' }),
  );
  hs = await startHappenstance();
  dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-channels-cli-'));
  writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({ version: 2, accounts: [{ ...hs.account('research'), alerts: { warnBelow: 5000 } }] }),
  );
  env = { CREDITBAR_DATA_DIR: dataDir, CREDITBAR_KEY_RESEARCH: hs.key };
});
afterAll(async () => {
  await receiver.close();
  await hs.close();
});

const cli = (args: string[], stdin = '', extra: Record<string, string> = {}) =>
  runBuiltCli(args, { ...env, ...extra }, stdin);

describe('creditbar channels', () => {
  it('adds a Slack channel from a piped URL into the keychain, lists it without the URL, and tests it', async () => {
    const url = `${receiver.url}/services/T000/B000/secretpathXYZ9`;
    const added = await cli(['channels', 'add', '--type', 'slack', '--id', 'team'], `${url}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added the slack channel team; its secret is in the OS keychain.');
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'channel:team')).toBe(url);
    expect(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).not.toContain('secretpath');

    const listed = await cli(['channels', 'list']);
    expect(listed.stdout).toMatch(
      /^ID\s+TYPE\s+HEARS\s+SECRET\s+FAILED\nteam\s+slack\s+all accounts · low\+\s+keychain …XYZ9\s+0$/m,
    );
    expect(listed.stdout).not.toContain('secretpath');

    const sent = await cli(['channels', 'test', 'team']);
    expect(sent.stdout).toBe('Sent a test message to team (slack); it was accepted.\n');
    const body = JSON.parse(receiver.requests.at(-1)?.body ?? '{}');
    expect(body.text).toMatch(/^Creditbar test message\n/);

    answers.push({ status: 404, text: 'no_service' });
    const gone = await cli(['channels', 'test', 'team']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('Slack answered 404 no_service: the webhook was removed, or its URL is wrong\n');
  });

  it('refuses what could never work, naming the flag, and saves nothing', async () => {
    const config = path.join(dataDir, 'config.json');
    const before = readFileSync(config, 'utf8');
    const cases: [string[], string, RegExp][] = [
      [
        ['--type', 'pager', '--id', 'p'],
        '',
        /^--type must be one of webhook, slack, discord, teams, ntfy, telegram, email$/m,
      ],
      [['--type', 'ntfy', '--id', 'n'], '', /^--topic: /m],
      // A field left out, or of the wrong form, is said in words, not zod's "expected string, received undefined".
      [['--type', 'ntfy', '--id', 'n2'], '', /^--topic: is required$/m],
      [
        ['--type', 'telegram', '--id', 'tg2', '--chat-id', 'abc'],
        'x',
        /^--chat-id: must be a chat id such as/m,
      ],
      [
        ['--type', 'email', '--id', 'm', '--host', 'h', '--to', 'x'],
        '',
        /^--from: is required\n--to: must be an email address$/m,
      ],
      [
        ['--type', 'slack', '--id', 'Bad Id'],
        'https://hooks.slack.com/x',
        /^--id: must be 1 to 40 characters/m,
      ],
      [['--type', 'discord', '--id', 'd'], 'not a url', /^The webhook URL /m],
      [
        ['--type', 'telegram', '--id', 'tg', '--chat-id', '42'],
        'nonsense',
        /^The bot token should look like/m,
      ],
      [
        ['--type', 'slack', '--id', 'empty'],
        '',
        /^No secret given: type it, pipe it, or set CREDITBAR_CHANNEL_EMPTY$/m,
      ],
      [['--type', 'slack', '--id', 'team'], 'https://hooks.slack.com/x', /already an alert channel "team"/],
    ];
    for (const [args, stdin, said] of cases) {
      const run = await cli(['channels', 'add', ...args], stdin);
      expect(run.code, args.join(' ')).toBe(3);
      expect(run.stderr).toMatch(said);
    }
    expect(readFileSync(config, 'utf8')).toBe(before);
  });

  it('watch delivers a real crossing to a webhook channel, signed, with the figures', async () => {
    const added = await cli(
      ['channels', 'add', '--type', 'webhook', '--id', 'hook', '--sign'],
      `${receiver.url}/hook/in\nsigning-key-1\n`,
    );
    expect(added.code).toBe(0);
    const before = receiver.requests.length;
    const watch = await cli(['watch', '--for', '3']);
    expect(watch.code).toBe(0);
    const hooks = receiver.requests.slice(before).filter((r) => r.path === '/hook/in');
    // The balance (1 840) is under the level of 5 000: one 'low' alert, to the webhook and to Slack.
    expect(hooks).toHaveLength(1);
    const payload = JSON.parse(hooks[0]?.body ?? '{}');
    expect(payload).toMatchObject({
      version: 1,
      kind: 'low',
      severity: 'warning',
      account: { id: 'research', remaining: 1840, unit: 'credits', level: 'warning' },
    });
    expect(hooks[0]?.headers['x-creditbar-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const slack = receiver.requests.slice(before).filter((r) => r.path.startsWith('/services/'));
    expect(slack).toHaveLength(1);
  });

  it('serve delivers a crossing too (secrets from the environment), and counts a channel it gave up in /metrics', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-channels-serve-'));
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        version: 2,
        accounts: [{ ...hs.account('research'), alerts: { warnBelow: 5000 } }],
        channels: [
          { id: 'ops', type: 'webhook' },
          { id: 'gone', type: 'discord' },
        ],
      }),
    );
    const serve = startBuiltCli(['serve', '--data-dir', dir, '--listen', '127.0.0.1:0'], {
      CREDITBAR_KEY_RESEARCH: hs.key,
      CREDITBAR_CHANNEL_OPS: `${receiver.url}/hook/serve`,
      CREDITBAR_CHANNEL_GONE: `${receiver.url}/gone/api/webhooks/1/tok`,
    });
    try {
      const line = await serve.waitFor((l) => l.startsWith('Creditbar serves '));
      const base = (/http:\/\/\S+(?=\/metrics)/.exec(line) as RegExpExecArray)[0];
      await expect
        .poll(() => receiver.requests.filter((r) => r.path === '/hook/serve').length, { timeout: 10_000 })
        .toBe(1);
      await expect
        .poll(async () => (await fetch(`${base}/metrics`)).text(), { timeout: 10_000 })
        .toContain('creditbar_channel_failures_total{channel="gone"} 1');
      const payload = JSON.parse(receiver.requests.find((r) => r.path === '/hook/serve')?.body ?? '{}');
      expect(payload).toMatchObject({ kind: 'low', account: { id: 'research' } });
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('killed (-9) while a delivery is in flight: the next run sends it once, with the same idempotency key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-channels-kill-'));
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        version: 2,
        accounts: [{ ...hs.account('research'), alerts: { warnBelow: 5000 } }],
        channels: [{ id: 'slow', type: 'webhook' }],
      }),
    );
    const channelEnv = {
      CREDITBAR_DATA_DIR: dir,
      CREDITBAR_KEY_RESEARCH: hs.key,
      CREDITBAR_CHANNEL_SLOW: `${receiver.url}/slow/in`,
    };
    // The receiver takes the first request and never answers it.
    receiver.fail({ type: 'hang', path: '/slow/in' });
    const first = startBuiltCli(['watch'], channelEnv);
    await expect
      .poll(() => receiver.requests.filter((r) => r.path === '/slow/in').length, { timeout: 10_000 })
      .toBe(1);
    first.child.kill('SIGKILL');
    await first.exited;
    // Its claim on the data dir is left behind; aged past the 30 s a crashed owner's claim is taken after.
    const old = new Date(Date.now() - 60_000);
    await utimes(path.join(dir, 'monitor.lock'), old, old);
    expect(await readdir(path.join(dir, 'outbox'))).toHaveLength(1);
    const again = await runBuiltCli(['watch', '--for', '3'], channelEnv);
    expect(again.code).toBe(0);
    const sent = receiver.requests.filter((r) => r.path === '/slow/in');
    // Once more, not twice: the alert state kept the alert raised, the outbox kept it unsent.
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers['idempotency-key']).toBe(sent[0]?.headers['idempotency-key']);
    expect((await readdir(path.join(dir, 'outbox'))).filter((n) => n.endsWith('.json'))).toEqual([]);
  });

  it('remove takes the channel, its secrets and its outbox away', async () => {
    const removed = await cli(['channels', 'remove', 'hook']);
    expect(removed.stdout).toBe('Removed the channel hook, its secret and what waited for it.\n');
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'channel:hook')).toBeNull();
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'channel:hook:hmac')).toBeNull();
    expect((await cli(['channels', 'remove', 'hook'])).code).toBe(3);
    await cli(['channels', 'remove', 'team']);
    expect((await cli(['channels'])).stdout).toMatch(/^No alert channels yet/);
  });
});

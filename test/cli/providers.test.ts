/**
 * `creditbar providers` and adding preset and custom accounts from the CLI, against loopback fakes and the real
 * (throwaway) Secret Service: the list of providers and presets, custom accounts with expressions and each way of
 * sending the key, and preset files saved and added (with the host named before anything is saved).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTORS } from '../../shared/providers';
import { FakeServer } from '../fakes/fake-server';
import { PRESET_STARTERS } from '../fakes/preset-fakes';
import type { FakeProvider } from '../fakes/providers';
import { addAccountCli, runBuiltCli } from '../support/run-built-cli';

const KEY = 'acme_live_0123456789abcdef';
let root: string;
let acme: FakeServer;
const fakes: FakeProvider[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'creditbar-providers-'));
  // An endpoint of the kind the custom engine is for: the key in the query, the balance as text in cents.
  acme = await FakeServer.start((request) =>
    request.query.get('key') === KEY
      ? { json: { account: { plan: 'Pro', wallet: { cents: '123456', currency: 'EUR' } } } }
      : { status: 401, json: { error: 'bad key' } },
  );
});
afterAll(async () => {
  await acme.close();
  await Promise.all(fakes.map((f) => f.close()));
});

const fresh = () => mkdtemp(path.join(root, 'data-'));
/** ESC, BEL, the C1 CSI and the right-to-left override: what makes a terminal act or lie. */
const escapesIn = (text: string) =>
  [...text].filter((c) => ['\u001b', '\u0007', '\u009b', '\u202e'].includes(c));
const config = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8'));

const ACME_FLAGS = (url: string) => [
  '--provider',
  'custom',
  '--id',
  'acme',
  '--label',
  'Acme',
  '--url',
  `${url}/v1/me`,
  '--auth',
  'query',
  '--auth-param',
  'key',
  '--remaining',
  '$number(account.wallet.cents) / 100',
  '--currency-expr',
  'account.wallet.currency',
  '--header',
  'X-Team: growth',
  '--header',
  'X-Trace: on',
];

describe('creditbar providers', () => {
  it('lists every provider and preset, as JSON too', async () => {
    const run = await runBuiltCli(['providers', '--json', '--data-dir', await fresh()]);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout).providers;
    expect(listed.map((p: { id: string }) => p.id)).toEqual(DESCRIPTORS.map((d) => d.id));
    expect(listed.find((p: { id: string }) => p.id === 'serpapi')).toMatchObject({
      kind: 'preset',
      host: 'serpapi.com',
      key: 'query api_key',
    });
  });

  it('a preset account is added like any provider, its base URL pointing at a fake', async () => {
    const or = await PRESET_STARTERS.openrouter();
    const tw = await PRESET_STARTERS.twilio();
    fakes.push(or, tw);
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, `${or.key}\n`, [
      '--provider',
      'openrouter',
      '--id',
      'or',
      '--base-url',
      or.server.url,
    ]);
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Connected: $74.50');
    const badSid = await addAccountCli(dataDir, `${tw.key}\n`, [
      '--provider',
      'twilio',
      '--id',
      'tw',
      '--account-sid',
      'nope',
      '--base-url',
      tw.server.url,
    ]);
    expect(badSid.code).toBe(3);
    // Named by the flag that sets it, never by its path in the config (params.accountSid).
    expect(badSid.stderr).toMatch(/^--account-sid: must be AC followed by 32 hexadecimal characters$/m);
    expect(badSid.stderr).not.toContain('params.');
    const twilio = await addAccountCli(dataDir, `${tw.key}\n`, [
      '--provider',
      'twilio',
      '--id',
      'tw',
      '--account-sid',
      'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '--base-url',
      tw.server.url,
    ]);
    expect(twilio.stdout).toContain('Connected: $0.05');
    expect(config(dataDir).accounts[1]).toEqual({
      id: 'tw',
      provider: 'twilio',
      label: 'Twilio',
      baseUrl: tw.server.url,
      params: { accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
  });

  it('a custom account with expressions, the key in the query and extra headers; the key is never in the config', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, `${KEY}\n`, ACME_FLAGS(acme.url));
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Connected: €1,234.56');
    const sent = acme.requests.at(-1);
    expect(sent?.headers['x-team']).toBe('growth');
    expect(sent?.headers['x-trace']).toBe('on');
    const saved = config(dataDir).accounts[0];
    expect(saved.custom).toMatchObject({
      url: `${acme.url}/v1/me`,
      auth: 'query',
      authParam: 'key',
      headers: { 'X-Team': 'growth', 'X-Trace': 'on' },
    });
    expect(JSON.stringify(config(dataDir))).not.toContain(KEY);
    const status = await runBuiltCli(['status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout).accounts[0]).toMatchObject({ remaining: 1234.56, unit: 'EUR' });
  });

  it('providers is a table with a header in the terminal’s language, columns aligned however long an id is', async () => {
    const english = await runBuiltCli(['providers', '--data-dir', await fresh()]);
    const lines = english.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+KIND\s+HOST\s+KEY$/);
    const kindAt = lines[0]?.indexOf('KIND');
    for (const line of lines.slice(1)) expect(line.slice(0, kindAt).endsWith('  ')).toBe(true);
    expect(english.stdout).toMatch(/^custom\s+Custom JSON\s+your endpoint\s+\(yours\)\s+you choose$/m);
    expect(english.stdout).toMatch(/^serpapi\s+SerpApi\s+preset\s+serpapi\.com\s+query parameter api_key$/m);
    const german = await runBuiltCli(['providers', '--data-dir', await fresh()], { LANG: 'de_DE.UTF-8' });
    expect(german.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+ART\s+HOST\s+SCHLÜSSEL$/);
    expect(german.stdout).toMatch(/^custom\s+Custom JSON\s+eigener Endpunkt\s+\(Ihrer\)\s+nach Wahl$/m);
    expect(german.stdout).toMatch(/^deepl\s+DeepL\s+Vorlage\s+api\.deepl\.com\s+Header Authorization$/m);
    const chinese = await runBuiltCli(['providers', '--data-dir', await fresh()], { LANG: 'zh_CN.UTF-8' });
    expect(chinese.stdout).toMatch(/^serpapi\s+SerpApi\s+预设\s+serpapi\.com\s+查询参数 api_key$/m);
  });

  it('a header line without a colon is named as such, and nothing is saved', async () => {
    const dataDir = await fresh();
    const flags = ACME_FLAGS(acme.url).map((f) => (f === 'X-Trace: on' ? 'X-Trace on' : f));
    const add = await addAccountCli(dataDir, `${KEY}\n`, flags);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/--header: "X-Trace on" is not a header line such as X-Team: growth/);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
  });

  it('an expression that does not parse is refused before the key or the config is touched', async () => {
    const dataDir = await fresh();
    const flags = ACME_FLAGS(acme.url).map((f) =>
      f === '$number(account.wallet.cents) / 100' ? 'account.(' : f,
    );
    const add = await addAccountCli(dataDir, `${KEY}\n`, flags);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/The remaining expression "account\.\(" is not valid JSONata/);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
  });

  it('save writes a shareable preset with no key; add needs the host named, then makes accounts from it', async () => {
    const mine = await fresh();
    await addAccountCli(mine, `${KEY}\n`, ACME_FLAGS(acme.url));
    const file = path.join(root, 'acme-preset.json');
    const save = await runBuiltCli(['providers', 'save', 'acme', file, '--data-dir', mine]);
    expect(save.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toMatchObject({ creditbarPreset: 1, id: 'acme', name: 'Acme' });
    const again = await runBuiltCli(['providers', 'save', 'acme', file, '--data-dir', mine]);
    expect(again.stderr).toMatch(/exists already \(nothing was overwritten\)/);

    const theirs = await fresh();
    const host = new URL(acme.url).host;
    const unnamed = await runBuiltCli(['providers', 'add', file, '--data-dir', theirs]);
    expect(unnamed.code).toBe(3);
    expect(unnamed.stderr).toContain(`sends your key to ${host}`);
    expect(unnamed.stderr).toContain(`--host ${host}`);
    const wrong = await runBuiltCli([
      'providers',
      'add',
      file,
      '--host',
      'api.acme.example',
      '--data-dir',
      theirs,
    ]);
    expect(wrong.code).toBe(3);
    expect(existsSync(path.join(theirs, 'config.json'))).toBe(false);
    const added = await runBuiltCli(['providers', 'add', file, '--host', host, '--data-dir', theirs]);
    expect(added.code).toBe(0);
    const listed = await runBuiltCli(['providers', '--json', '--data-dir', theirs]);
    expect(JSON.parse(listed.stdout).providers.at(-1)).toMatchObject({
      id: 'acme',
      kind: 'added preset',
      host,
    });
    const account = await addAccountCli(theirs, `${KEY}\n`, ['--provider', 'acme', '--id', 'work']);
    expect(account.stdout).toContain('Connected: €1,234.56');
    expect(config(theirs).accounts[0]).toMatchObject({ id: 'work', provider: 'custom', label: 'Acme' });
    expect(config(theirs).accounts[0].custom.url).toBe(`${acme.url}/v1/me`);
  });

  it('a preset file with terminal escapes in its URL, header names and keys is refused, and none reaches the terminal', async () => {
    const theirs = await fresh();
    const file = path.join(root, 'escapes-preset.json');
    const esc = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e';
    writeFileSync(
      file,
      JSON.stringify({
        creditbarPreset: 1,
        id: 'escapes',
        name: 'Escapes',
        [`extra${esc}`]: true,
        custom: {
          url: `https://api.example.com/me${esc}`,
          remaining: 'credits',
          headers: { [`X-${esc}`]: 'on' },
        },
      }),
    );
    const add = await runBuiltCli([
      'providers',
      'add',
      file,
      '--host',
      'api.example.com',
      '--data-dir',
      theirs,
    ]);
    expect(add.code).toBe(3);
    expect(add.stderr).toContain('This URL has a control character, a space or an invisible character in it');
    expect(escapesIn(add.stderr)).toEqual([]);
    expect(existsSync(path.join(theirs, 'config.json'))).toBe(false);
  });

  it('an expression’s own error quoting an answer full of escapes is printed clean, on one line', async () => {
    const hostile = await FakeServer.start(() => ({
      json: { note: '\u001b[31mred\u001b]8;;http://x\u0007 and\nmore', credits: 5 },
    }));
    try {
      const flags = ACME_FLAGS(hostile.url).map((f) =>
        f === '$number(account.wallet.cents) / 100' ? '$error(note)' : f,
      );
      const add = await addAccountCli(await fresh(), `${KEY}\n`, flags);
      expect(add.code).toBe(3);
      expect(add.stderr).toContain('[31mred');
      expect(escapesIn(add.stderr)).toEqual([]);
      expect(add.stderr).toContain('and more');
    } finally {
      await hostile.close();
    }
  });

  it('a preset file an older version wrote with JSON pointers is added with the expressions that read the same', async () => {
    const theirs = await fresh();
    const file = path.join(root, 'pointer-preset.json');
    writeFileSync(
      file,
      JSON.stringify({
        creditbarPreset: 1,
        id: 'old-style',
        name: 'Old style',
        custom: { url: 'https://api.old.example/me', remainingPointer: '/data/credits', unit: 'credits' },
      }),
    );
    const added = await runBuiltCli([
      'providers',
      'add',
      file,
      '--host',
      'api.old.example',
      '--data-dir',
      theirs,
    ]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const saved = config(theirs);
    expect(saved.version).toBe(2);
    expect(saved.presets[0].custom).toMatchObject({ remaining: '$number(data.credits)' });
    expect(saved.presets[0].custom.remainingPointer).toBeUndefined();
  });

  it.each([
    ['not JSON', '{ nope', /not valid JSON/],
    [
      'a key in the URL',
      JSON.stringify({
        creditbarPreset: 1,
        id: 'x',
        name: 'X',
        custom: { url: 'https://h.example/a?api_key=abc', remaining: 'a' },
      }),
      /carries a key in its query/,
    ],
    [
      'a broken expression',
      JSON.stringify({
        creditbarPreset: 1,
        id: 'x',
        name: 'X',
        custom: { url: 'https://h.example/a', remaining: '(' },
      }),
      /not valid JSONata/,
    ],
    [
      'a built-in id',
      JSON.stringify({
        creditbarPreset: 1,
        id: 'deepl',
        name: 'X',
        custom: { url: 'https://h.example/a', remaining: 'a' },
      }),
      /already/,
    ],
    [
      'an unknown field',
      JSON.stringify({
        creditbarPreset: 1,
        id: 'x',
        name: 'X',
        key: 'sk',
        custom: { url: 'https://h.example/a', remaining: 'a' },
      }),
      /key/,
    ],
  ])('a preset file with %s is refused and nothing is written', async (_name, content, message) => {
    const dataDir = await fresh();
    const file = path.join(dataDir, 'in.json');
    await writeFile(file, content);
    const run = await runBuiltCli(['providers', 'add', file, '--host', 'h.example', '--data-dir', dataDir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
  });
});

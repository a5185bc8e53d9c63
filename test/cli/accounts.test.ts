import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarStore } from '../../main/core/store/secrets';
import { type FakeProvider, startHappenstance, startKlaim } from '../fakes/providers';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { addAccountCli, CLI, runBuiltCli } from '../support/run-built-cli';

let hs: FakeProvider;
let klaim: FakeProvider;
let root: string;

beforeAll(async () => {
  hs = await startHappenstance('hs_live_abcdef987654');
  klaim = await startKlaim();
  root = await mkdtemp(path.join(tmpdir(), 'creditbar-accounts-'));
});
afterAll(async () => {
  await hs.close();
  await klaim.close();
});

const fresh = () => mkdtemp(path.join(root, 'data-'));

function allText(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

describe('creditbar accounts', () => {
  it('add reads the key from stdin, tests it, then saves key and config; list shows the last 4 at most', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, `${hs.key}\n`, [
      '--provider',
      'happenstance',
      '--id',
      'research',
      '--label',
      'Research',
      '--base-url',
      hs.server.url,
    ]);
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Connected: 1,840 credits');
    expect(add.code).toBe(0);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'research')).toBe(hs.key);
    const config = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(config).toEqual({
      version: 2,
      accounts: [{ id: 'research', provider: 'happenstance', label: 'Research', baseUrl: hs.server.url }],
    });
    expect(statSync(path.join(dataDir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(allText(dataDir)).not.toContain(hs.key);
    const list = await runBuiltCli(['accounts', 'list', '--data-dir', dataDir]);
    expect(list.stdout).toBe(
      'ID        ACCOUNT   PROVIDER      KEY\nresearch  Research  happenstance  key …7654\n',
    );
    const json = await runBuiltCli(['accounts', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toEqual({
      accounts: [{ id: 'research', provider: 'happenstance', label: 'Research', key: 'key …7654' }],
    });
    expect(list.stdout).not.toContain(hs.key.slice(0, -4));

    const status = await runBuiltCli(['status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout).accounts[0]).toMatchObject({
      id: 'research',
      remaining: 1840,
      error: null,
    });
  });

  it('a key that fails its test fetch saves nothing at all', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, 'not-the-right-key\n', [
      '--provider',
      'happenstance',
      '--id',
      'wrong',
      '--base-url',
      hs.server.url,
    ]);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/^Not saved: the test fetch failed: The key was rejected \(401\)/);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'wrong')).toBeNull();
    expect(allText(dataDir)).not.toContain('not-the-right-key');
  });

  const addKlaimUnverified = (dataDir: string) =>
    addAccountCli(dataDir, klaim.key, [
      '--provider',
      'klaim',
      '--id',
      'kl',
      '--base-url',
      klaim.server.url,
      '--user-id',
      'GtQ5Oezk6cOvSmPgxsMR',
      '--no-verify',
    ]);

  it('--no-verify saves without asking the provider', async () => {
    const before = klaim.server.requests.length;
    const add = await addKlaimUnverified(await fresh());
    expect(add.code).toBe(0);
    expect(klaim.server.requests.length).toBe(before);
  });

  it('at a terminal the key is asked for and not shown as it is typed', async () => {
    const dataDir = await fresh();
    // A real pseudo-terminal (Python's pty), as a person at a shell has: the CLI sees a TTY on its input.
    const script = [
      'import os, pty, sys, time',
      'pid, fd = pty.fork()',
      'if pid == 0:',
      '    os.execvp(sys.argv[1], sys.argv[1:])',
      'out = b""',
      'def read_until(word, seconds=15):',
      '    global out',
      '    end = time.time() + seconds',
      '    while word not in out and time.time() < end:',
      '        try: out += os.read(fd, 4096)',
      '        except OSError: break',
      'read_until(b"not shown")',
      'os.write(fd, (os.environ["KEY"] + "\\r").encode())',
      'read_until(b"keychain")',
      '_, status = os.waitpid(pid, 0)',
      'sys.stdout.write(out.decode("utf8", "replace"))',
      'sys.exit(os.waitstatus_to_exitcode(status))',
    ].join('\n');
    // Not spawnSync: the fake provider answers from this very process.
    const child = spawn(
      '/usr/bin/python3',
      [
        '-c',
        script,
        process.execPath,
        CLI,
        'accounts',
        'add',
        '--provider',
        'happenstance',
        '--id',
        'typed',
        '--base-url',
        hs.server.url,
        '--data-dir',
        dataDir,
      ],
      { env: { ...process.env, KEY: hs.key } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const run = { status, stdout: output };
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('API key for Happenstance (not shown as you type): ');
    expect(run.stdout).toContain('Added Happenstance (typed); its key is in the OS keychain.');
    expect(run.stdout).not.toContain(hs.key);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'typed')).toBe(hs.key);
  });

  it('on a server with no keychain, a key in CREDITBAR_KEY_<ID> is tested and left there', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(
      dataDir,
      '',
      ['--provider', 'happenstance', '--id', 'from-env', '--base-url', hs.server.url],
      {
        CREDITBAR_KEY_FROM_ENV: hs.key,
      },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Connected: 1,840 credits');
    expect(add.stdout).toContain('its key stays in CREDITBAR_KEY_FROM_ENV, where Creditbar reads it');
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'from-env')).toBeNull();
  });

  it('with no key at all, the hint names the variable this account would read', async () => {
    const add = await addAccountCli(await fresh(), '', [
      '--provider',
      'happenstance',
      '--id',
      'none-here',
      '--base-url',
      hs.server.url,
    ]);
    expect(add.code).toBe(3);
    expect(add.stderr).toContain('or set CREDITBAR_KEY_NONE_HERE');
  });

  it('rotate-key tests the new key before it replaces the old; a key that fails changes nothing', async () => {
    const dataDir = await fresh();
    await addAccountCli(dataDir, hs.key, [
      '--provider',
      'happenstance',
      '--id',
      'turn',
      '--base-url',
      hs.server.url,
    ]);
    const wrong = await runBuiltCli(
      ['accounts', 'rotate-key', 'turn', '--data-dir', dataDir],
      {},
      'hs_live_not_this_one_0000',
    );
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/rejected \(401\)/);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'turn')).toBe(hs.key);
    const again = await runBuiltCli(
      ['accounts', 'rotate-key', 'turn', '--data-dir', dataDir],
      {},
      `${hs.key}\n`,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('The new key for Happenstance (turn) is in the OS keychain.\n');
  });

  it('levels and the poll interval are set when adding, and changed later with accounts set', async () => {
    const dataDir = await fresh();
    const configOf = () => JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).accounts[0];
    const add = await addAccountCli(dataDir, hs.key, [
      ...['--provider', 'happenstance', '--id', 'research', '--base-url', hs.server.url],
      ...['--warn-below', '2000', '--poll-seconds', '600', '--no-verify'],
    ]);
    expect(add.code).toBe(0);
    expect(configOf()).toMatchObject({ alerts: { warnBelow: 2000 }, pollSeconds: 600 });
    const set = await runBuiltCli([
      ...['accounts', 'set', 'research', '--critical-below', '500', '--warn-percent', '75'],
      ...['--label', 'Research team', '--data-dir', dataDir],
    ]);
    expect(set.stdout).toBe('Updated Research team (research).\n');
    expect(configOf()).toMatchObject({
      label: 'Research team',
      alerts: { warnBelow: 2000, criticalBelow: 500, warnPercent: 75 },
      pollSeconds: 600,
    });
  });

  it.each([
    [['--warn-below', 'lots'], '--warn-below takes a number'],
    [['--poll-seconds', '1'], '--poll-seconds: must be from 2 to 86400'],
    [['--warn-percent', '5000'], '--warn-percent: '],
    [[], 'Nothing to change: give --label'],
  ])('accounts set %j is refused naming the flag, nothing changed', async (flags, said) => {
    const dataDir = await fresh();
    await addAccountCli(dataDir, hs.key, [
      '--provider',
      'happenstance',
      '--id',
      'x',
      '--base-url',
      hs.server.url,
      '--no-verify',
    ]);
    const before = readFileSync(path.join(dataDir, 'config.json'), 'utf8');
    const set = await runBuiltCli(['accounts', 'set', 'x', ...flags, '--data-dir', dataDir]);
    expect(set.code).toBe(3);
    expect(set.stderr).toContain(said);
    expect(set.stderr).not.toMatch(/pollSeconds|alerts\./);
    expect(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });

  it('a second add of an id already taken is refused', async () => {
    const dataDir = await fresh();
    expect((await addKlaimUnverified(dataDir)).code).toBe(0);
    const again = await addAccountCli(dataDir, klaim.key, [
      '--provider',
      'klaim',
      '--id',
      'kl',
      '--base-url',
      klaim.server.url,
      '--user-id',
      'x',
    ]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/exists already/);
  });

  it('bad flags are named field by field', async () => {
    const bad = await addAccountCli(await fresh(), 'k', ['--provider', 'klaim', '--id', 'Bad Id']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^--id: must be 1 to 40 characters/m);
    expect(bad.stderr).toMatch(/^--base-url: is required/m);
    expect(bad.stderr).not.toMatch(/baseUrl|params\.|custom\./);
  });

  it.each([
    [['--provider', 'custom', '--id', 'c'], /^--url: is required for a Custom JSON account$/m],
    [
      ['--provider', 'custom', '--id', 'c', '--url', 'https://h.example/balance'],
      /^--remaining: is required: an expression such as data\.credits\.balance \(or, for an endpoint that reports what was spent, give spent instead\)$/m,
    ],
    [['--provider', 'twilio', '--id', 't'], /^--account-sid: is required for Twilio$/m],
    // The form's words point at its key field; here the flags say how the key goes.
    [
      ['--provider', 'custom', '--id', 'c', '--url', 'https://h.example/b?api_key=abc', '--remaining', 'a'],
      /^--url carries a key in its query \(api_key=…\): remove it from the URL, give the key when asked \(or pipe it\), and add --auth query --auth-param api_key$/m,
    ],
  ])('add %j is refused in the CLI’s words, naming the flag', async (flags, said) => {
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, 'k', flags);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(said);
    expect(add.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
  });

  it('a key in the URL is refused in German and Chinese too, with the same flags to use', async () => {
    const flags = [
      '--provider',
      'custom',
      '--id',
      'c',
      '--url',
      'https://h.example/b?key=abc',
      '--remaining',
      'a',
    ];
    const german = await addAccountCli(await fresh(), 'k', flags, { LANG: 'de_DE.UTF-8' });
    expect(german.stderr).toMatch(
      /^--url trägt einen Schlüssel in der Abfrage \(key=…\).*--auth query --auth-param key/m,
    );
    const chinese = await addAccountCli(await fresh(), 'k', flags, { LANG: 'zh_CN.UTF-8' });
    expect(chinese.stderr).toMatch(/^--url 的查询参数中带有密钥（key=…）.*--auth query --auth-param key$/m);
  });

  it('no key on standard input is refused, saying where the key goes', async () => {
    const noKey = await addAccountCli(await fresh(), '', ['--provider', 'happenstance', '--id', 'nokey']);
    expect(noKey.code).toBe(3);
    expect(noKey.stderr).toMatch(/No API key given: type it when asked, pipe it in/);
  });

  it('remove deletes the keychain item, cache, history and alert state', async () => {
    const dataDir = await fresh();
    await addAccountCli(dataDir, hs.key, [
      '--provider',
      'happenstance',
      '--id',
      'gone',
      '--base-url',
      hs.server.url,
    ]);
    await runBuiltCli(['watch', '--data-dir', dataDir, '--for', '3']);
    expect(existsSync(path.join(dataDir, 'cache', 'gone.json'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'history', 'gone.jsonl'))).toBe(true);
    const remove = await runBuiltCli(['accounts', 'remove', 'gone', '--data-dir', dataDir]);
    expect(remove.code).toBe(0);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'gone')).toBeNull();
    expect(existsSync(path.join(dataDir, 'cache', 'gone.json'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'history', 'gone.jsonl'))).toBe(false);
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.gone,
    ).toBeUndefined();
    expect(JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).accounts).toEqual([]);
    const missing = await runBuiltCli(['accounts', 'remove', 'gone', '--data-dir', dataDir]);
    expect(missing.code).toBe(3);
  });

  it('with no Secret Service, add says what to install and writes the key nowhere', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(
      dataDir,
      hs.key,
      ['--provider', 'happenstance', '--id', 'nokeychain', '--base-url', hs.server.url],
      {
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(root, 'no-bus')}`,
      },
    );
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/Not saved: No Secret Service is running: start gnome-keyring/);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
    expect(allText(dataDir)).not.toContain(hs.key);
  });

  it('the keychain store updates a key in place', async () => {
    const store = createKeytarStore(TEST_KEYCHAIN_SERVICE);
    await store.set('inplace', 'first-key-000');
    await store.set('inplace', 'second-key-111');
    expect(await store.get('inplace')).toBe('second-key-111');
    const items = (await keytar.findCredentials(TEST_KEYCHAIN_SERVICE)).filter(
      (c) => c.account === 'inplace',
    );
    expect(items).toHaveLength(1);
    expect(await store.delete('inplace')).toBe(true);
  });

  it('a key with a line break inside is refused where it is typed, even with --no-verify, and saved nowhere', async () => {
    const dataDir = await fresh();
    const key = 'sk_live_first_half\r\nsecond_half_9876';
    const add = await addAccountCli(dataDir, key, [
      '--provider',
      'happenstance',
      '--id',
      'broken-key',
      '--base-url',
      hs.server.url,
      '--no-verify',
    ]);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/Not saved: The key must be one line with no control characters/);
    expect(add.stderr + add.stdout).not.toContain('second_half_9876');
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'broken-key')).toBeNull();
  });

  it('a stream that never ends on standard input is read no further than a key could be, and refused', async () => {
    const dataDir = await fresh();
    const script = `yes sk_live_again_and_again | timeout 20 node "$CLI" accounts add --provider happenstance --id endless --base-url "$URL" --no-verify --data-dir "$DIR"; echo $? > "$DIR/code.txt"`;
    const run = spawnSync('bash', ['-c', script], {
      env: { PATH: process.env.PATH ?? '', CLI, DIR: dataDir, URL: hs.server.url, LANG: 'de_DE.UTF-8' },
      encoding: 'utf8',
    });
    // 124 would be timeout's: still reading.
    expect(readFileSync(path.join(dataDir, 'code.txt'), 'utf8').trim()).toBe('3');
    expect(run.stderr).toContain('Der Schlüssel darf höchstens 4096 Zeichen lang sein');
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
  });

  it('the demo needs no key: adding it reads none and does not claim one is in the keychain', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, '', ['--provider', 'demo', '--id', 'try-it', '--no-verify']);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Added Demo \(try-it\)\.\n$/);
    expect(add.stdout).not.toMatch(/keychain/);
    const list = await runBuiltCli(['accounts', 'list', '--data-dir', dataDir]);
    expect(list.stdout).toMatch(/^try-it\s+Demo\s+demo\s+no key needed$/m);
  });

  it('two accounts add at once both land: the config is re-read under a lock after the slow test', async () => {
    const dataDir = await fresh();
    // A provider that answers neither test until both have asked: both processes have read the (empty) config
    // before either writes it.
    const waiting: ServerResponse[] = [];
    const usage = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../providers/happenstance/fixtures/usage.json'), 'utf8'),
    );
    const barrier = createServer((_req, res) => {
      waiting.push(res);
      if (waiting.length === 2)
        for (const r of waiting)
          r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(usage));
    });
    await new Promise<void>((resolve) => barrier.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(barrier.address() as AddressInfo).port}`;
    try {
      const add = (id: string, key: string) =>
        addAccountCli(dataDir, key, ['--provider', 'happenstance', '--id', id, '--base-url', url]);
      const [first, second] = await Promise.all([
        add('first', 'sk_first_key_0001'),
        add('second', 'sk_second_key_0002'),
      ]);
      expect([first.code, second.code]).toEqual([0, 0]);
      const ids = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).accounts.map(
        (a: { id: string }) => a.id,
      );
      expect(ids.sort()).toEqual(['first', 'second']);
      expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'first')).toBe('sk_first_key_0001');
      expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'second')).toBe('sk_second_key_0002');
    } finally {
      barrier.close();
      await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'first');
      await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'second');
    }
  });

  it('without a keychain, remove still takes the account out of the config and says the key could not go', async () => {
    const dataDir = await fresh();
    const add = await addAccountCli(dataDir, hs.key, [
      '--provider',
      'happenstance',
      '--id',
      'no-keychain-remove',
      '--base-url',
      hs.server.url,
      '--no-verify',
    ]);
    expect(add.code).toBe(0);
    const remove = await runBuiltCli(['accounts', 'remove', 'no-keychain-remove', '--data-dir', dataDir], {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(root, 'no-bus')}`,
    });
    expect(remove.code).toBe(1);
    expect(remove.stderr).toMatch(
      /Removed no-keychain-remove from the config, but could not remove its key \(No Secret Service is running/,
    );
    expect(JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')).accounts).toEqual([]);
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'no-keychain-remove')).toBe(hs.key);
    await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'no-keychain-remove');
  });
});

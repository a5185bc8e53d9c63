import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HistoryStore } from '../../main/core/store/history';
import type { Account } from '../../shared/config';
import { PrintedStatus } from '../../shared/model';
import { PRESET_IDS } from '../fakes/preset-fakes';
import { FAKE_STARTERS, type FakeProvider } from '../fakes/providers';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { CLI, runBuiltCli } from '../support/run-built-cli';

const StatusJson = z.strictObject({ accounts: z.array(PrintedStatus) });

let fakes: FakeProvider[] = [];
let dir: string;

async function workspace(accounts: Account[]): Promise<{ dataDir: string; config: string }> {
  const dataDir = await mkdtemp(path.join(dir, 'data-'));
  const config = path.join(dataDir, 'config.json');
  writeFileSync(config, JSON.stringify({ version: 1, accounts }, null, 2));
  return { dataDir, config };
}

function keysFor(list: FakeProvider[]): Record<string, string> {
  return Object.fromEntries(
    list.map((f) => [`CREDITBAR_KEY_${f.provider.toUpperCase().replace(/-/g, '_')}`, f.key]),
  );
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(root, name))
    .filter((file) => statSync(file).isFile());
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'creditbar-cli-'));
  // The providers Creditbar reads with code of its own; presets run the custom engine (tests of their own).
  fakes = await Promise.all(
    Object.entries(FAKE_STARTERS)
      .filter(([id]) => !(PRESET_IDS as string[]).includes(id))
      .map(([, start]) => start()),
  );
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

const byProvider = (provider: string) => fakes.find((f) => f.provider === provider) as FakeProvider;

describe('creditbar status', () => {
  it('with no config says in one line how to add an account, exits 3, and survives a missing data dir', async () => {
    const dataDir = path.join(dir, 'does', 'not', 'exist');
    const run = await runBuiltCli(['status', '--data-dir', dataDir]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    // The first step a newcomer can take with no key at all, then their own.
    expect(run.stderr).toContain('"creditbar accounts add --provider demo --id try-it"');
    expect(run.stderr).toMatch(/creditbar accounts add --provider <provider>/);
    expect(run.stderr).toContain(path.join(dataDir, 'config.json'));
  });

  it('refuses an invalid config with a message naming the field, and leaves the file as it was', async () => {
    const { dataDir, config } = await workspace([
      { id: 'KL', provider: 'klaim', label: 'Klaim' } as Account,
      { id: 'hs', provider: 'happenstance', label: 'x', baseUrl: 'http://example.com' },
    ]);
    const before = readFileSync(config);
    const mtime = statSync(config).mtimeMs;
    const run = await runBuiltCli(['status', '--config', config, '--data-dir', dataDir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('accounts.0.id: must be 1 to 40 characters');
    expect(run.stderr).toContain('accounts.0.baseUrl: is required');
    expect(run.stderr).toContain('accounts.0.userId: is required for Klaim');
    expect(run.stderr).toContain('accounts.1.baseUrl: This URL must use https');
    expect(readFileSync(config)).toEqual(before);
    expect(statSync(config).mtimeMs).toBe(mtime);
  });

  it('refuses a config that is not JSON, naming the file', async () => {
    const { dataDir, config } = await workspace([]);
    writeFileSync(config, '{"version": 1, "accounts": [');
    const run = await runBuiltCli(['status', '--data-dir', dataDir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${config} is not valid JSON`);
  });

  it('reads every provider with code of its own (keys from the environment and the real keychain) as JSON, exit 0', async () => {
    const accounts = fakes.map((f) => f.account());
    const { dataDir, config } = await workspace(accounts);
    const keys = keysFor(fakes);
    // One key comes from the OS keychain (a real Secret Service) instead of the environment.
    delete keys.CREDITBAR_KEY_GENERECT;
    await keytar.setPassword(TEST_KEYCHAIN_SERVICE, 'generect', byProvider('generect').key);
    const run = await runBuiltCli(['status', '--json'], { ...keys, CREDITBAR_DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = StatusJson.parse(JSON.parse(run.stdout));
    // Worst first, as the popover orders them: all ok, so prepaid by the lowest balance, then the quota.
    expect(out.accounts.map((a) => [a.id, a.level, a.stale, a.remaining, a.error])).toEqual([
      ['richutilities', 'ok', false, 120, null],
      ['custom', 'ok', false, 412.5, null],
      ['klaim', 'ok', false, 706, null],
      ['happenstance', 'ok', false, 1840, null],
      ['generect', 'ok', false, 5000, null],
      ['metered-billing', 'ok', false, null, null],
      ['anthropic', 'ok', false, null, null],
      ['openai', 'ok', false, null, null],
    ]);
    expect(out.accounts[5]?.quotas).toHaveLength(4);
    // The cost reports: no balance stated, so none estimated; this month's spend, and nothing judged.
    expect(out.accounts.slice(6).map((a) => [a.estimated, a.ledger?.statedAt, a.judged])).toEqual([
      [false, null, false],
      [false, null, false],
    ]);
    expect(out.accounts[6]?.usedThisPeriod).toBeGreaterThan(0);
    // No history yet: nothing ahead is known; the keys of what is ahead are there all the same.
    expect(out.accounts[0]?.outlook).toEqual({
      runwayDays: null,
      emptyAt: null,
      burnPerDay: null,
      resetsAt: null,
      quotaPercentAtReset: null,
    });
    expect(readdirSync(path.join(dataDir, 'cache')).sort()).toEqual(
      accounts.map((a) => `${a.id}.json`).sort(),
    );
    for (const file of filesUnder(dataDir)) {
      const text = readFileSync(file, 'utf8');
      for (const f of fakes) expect(text).not.toContain(f.key);
    }
    expect(statSync(path.join(dataDir, 'cache', 'happenstance.json')).mode & 0o777).toBe(0o600);
    void config;
  });

  it('exit code follows the worst level: warning 1, critical 2, empty 2, unknown 3', async () => {
    const hs = byProvider('happenstance');
    const mb = byProvider('metered-billing');
    const env = keysFor([hs, mb]);
    const run = async (accounts: Account[]) => {
      const { dataDir } = await workspace(accounts);
      const result = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
      return {
        code: result.code,
        levels: StatusJson.parse(JSON.parse(result.stdout)).accounts.map((a) => a.level),
      };
    };
    expect(await run([{ ...hs.account(), alerts: { warnBelow: 2000 } }])).toEqual({
      code: 1,
      levels: ['warning'],
    });
    expect(await run([{ ...hs.account(), alerts: { warnBelow: 5000, criticalBelow: 1900 } }])).toEqual({
      code: 2,
      levels: ['critical'],
    });
    mb.balance = 96_000;
    try {
      expect(await run([mb.account()])).toEqual({ code: 2, levels: ['critical'] });
      expect(await run([{ ...mb.account(), alerts: { criticalPercent: 99 } }])).toEqual({
        code: 1,
        levels: ['warning'],
      });
    } finally {
      mb.balance = 45_230;
    }
    hs.balance = -4;
    try {
      expect(await run([mb.account(), hs.account()])).toEqual({ code: 2, levels: ['empty', 'ok'] });
    } finally {
      hs.balance = 1840;
    }
    const noKey = { ...hs.account('no-key-here'), label: 'Nobody' };
    expect(await run([hs.account(), noKey])).toEqual({ code: 3, levels: ['unknown', 'ok'] });
  });

  it.each([
    ['rejected (401)', 401, 'auth'],
    ['forbidden (403)', 403, 'forbidden'],
    ['not found (404)', 404, 'not_found'],
  ] as const)(
    'a key %s beside a cached value is never "all ok": unknown, exit 3, the value still shown',
    async (_name, status, kind) => {
      const hs = byProvider('happenstance');
      const { dataDir } = await workspace([hs.account()]);
      const env = keysFor([hs]);
      expect((await runBuiltCli(['status', '--data-dir', dataDir], env)).code).toBe(0);
      hs.server.fail({ type: 'reply', reply: hs.errorReply(status, 'no') });
      const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
      const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
      expect(account).toMatchObject({
        level: 'unknown',
        current: false,
        stale: true,
        remaining: 1840,
        error: { kind },
      });
      expect(run.code).toBe(3);
    },
  );

  it('a key that went missing beside a cached value is unknown, exit 3', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([hs.account()]);
    expect((await runBuiltCli(['status', '--data-dir', dataDir], keysFor([hs]))).code).toBe(0);
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir]);
    const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(account).toMatchObject({
      level: 'unknown',
      current: false,
      remaining: 1840,
      error: { kind: 'no_credentials' },
    });
    expect(run.code).toBe(3);
  });

  it('a cached value older than the staleness limit is unknown when the provider is down, exit 3', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([hs.account()]);
    const env = keysFor([hs]);
    expect((await runBuiltCli(['status', '--data-dir', dataDir], env)).code).toBe(0);
    // The cache as a 400-day-old poll left it.
    const file = path.join(dataDir, 'cache', 'happenstance.json');
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    cached.snapshot.fetchedAt = new Date(Date.now() - 400 * 86_400_000).toISOString();
    writeFileSync(file, JSON.stringify(cached));
    hs.server.fail({ type: 'reply', reply: hs.errorReply(503, 'down') });
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(account).toMatchObject({ level: 'unknown', current: false, remaining: 1840 });
    expect(run.code).toBe(3);
  });

  it('critical outranks unknown: one account empty (402) beside one unknown exits 2', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([hs.account(), { ...hs.account('no-key-here'), label: 'Nobody' }]);
    hs.server.fail({ type: 'reply', reply: hs.errorReply(402, 'Insufficient credits') });
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], keysFor([hs]));
    expect(StatusJson.parse(JSON.parse(run.stdout)).accounts.map((a) => a.level)).toEqual([
      'empty',
      'unknown',
    ]);
    expect(run.code).toBe(2);
  });

  it('an id pointed at another host by hand never shows the old host’s value as its last known one', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([{ ...hs.account(), alerts: { warnBelow: 5000 } }]);
    const env = keysFor([hs]);
    // A few seconds of watch leave a cached value, history and alert state for this id.
    expect((await runBuiltCli(['watch', '--data-dir', dataDir, '--for', '3'], env)).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'cache', 'happenstance.json'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'history', 'happenstance.jsonl'))).toBe(true);
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.happenstance,
    ).toBeDefined();
    // The same id, now another host that is down.
    const elsewhere = await FAKE_STARTERS.happenstance();
    fakes.push(elsewhere);
    elsewhere.server.fail({ type: 'reply', reply: elsewhere.errorReply(503, 'down') });
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ version: 1, accounts: [{ ...hs.account(), baseUrl: elsewhere.server.url }] }),
    );
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(account).toMatchObject({
      remaining: null,
      stale: false,
      level: 'unknown',
      error: { kind: 'server' },
    });
    expect(existsSync(path.join(dataDir, 'history', 'happenstance.jsonl'))).toBe(false);
    // Set aside, not deleted, and said where.
    const aside = readdirSync(path.join(dataDir, 'history')).filter((f) =>
      /^happenstance\.jsonl\..*\.old$/.test(f),
    );
    expect(aside).toHaveLength(1);
    expect(run.stderr).toContain(
      `its history until now was set aside in ${path.join(dataDir, 'history', aside[0] as string)}`,
    );
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.happenstance,
    ).toBeUndefined();
  });

  it('a base URL only written differently (case, default port, a dot segment) keeps its history and its value', async () => {
    const hs = byProvider('happenstance');
    const { dataDir, config } = await workspace([hs.account()]);
    const env = keysFor([hs]);
    expect((await runBuiltCli(['status', '--data-dir', dataDir], env)).code).toBe(0);
    // The history a running watch would have left.
    await new HistoryStore(path.join(dataDir, 'history')).append('happenstance', {
      remaining: 1840,
      unit: 'credits',
      quotas: [],
      usedThisPeriod: null,
      usage: [],
      fetchedAt: new Date().toISOString(),
      extras: {},
    });
    const history = path.join(dataDir, 'history', 'happenstance.jsonl');
    expect(existsSync(history)).toBe(true);
    const url = new URL(hs.server.url);
    const respelled = `HTTP://LOCALHOST:${url.port}/./`.replace('LOCALHOST', url.hostname.toUpperCase());
    writeFileSync(
      config,
      JSON.stringify({ version: 1, accounts: [{ ...hs.account(), baseUrl: respelled }] }),
    );
    const run = await runBuiltCli(['status', '--data-dir', dataDir], env);
    expect(run.stderr).toBe('');
    expect(existsSync(history)).toBe(true);
  });

  it('an id taken out by hand and added back as another account never shows the old one’s value', async () => {
    const hs = byProvider('happenstance');
    const mb = byProvider('metered-billing');
    const { dataDir, config } = await workspace([hs.account('main')]);
    const env = { CREDITBAR_KEY_MAIN: hs.key, CREDITBAR_KEY_OTHER: hs.key };
    expect((await runBuiltCli(['status', '--data-dir', dataDir], env)).code).toBe(0);
    // `main` taken out of the file; something runs meanwhile.
    writeFileSync(config, JSON.stringify({ version: 1, accounts: [hs.account('other')] }));
    expect((await runBuiltCli(['status', '--data-dir', dataDir], env)).code).toBe(0);
    // `main` comes back as another provider, whose host is down.
    const down = await FAKE_STARTERS['metered-billing']();
    fakes.push(down);
    down.server.fail({ type: 'reply', reply: down.errorReply(503, 'down') });
    writeFileSync(
      config,
      JSON.stringify({ version: 1, accounts: [{ ...mb.account('main'), baseUrl: down.server.url }] }),
    );
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    const [main] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(main).toMatchObject({ id: 'main', remaining: null, level: 'unknown', error: { kind: 'server' } });
  });

  it('with identities.json lost, an id pointed elsewhere is still told apart by what its cache records', async () => {
    const hs = byProvider('happenstance');
    const { dataDir, config } = await workspace([hs.account()]);
    const env = keysFor([hs]);
    expect((await runBuiltCli(['status', '--data-dir', dataDir], env)).code).toBe(0);
    rmSync(path.join(dataDir, 'identities.json'));
    const elsewhere = await FAKE_STARTERS.happenstance();
    fakes.push(elsewhere);
    elsewhere.server.fail({ type: 'reply', reply: elsewhere.errorReply(503, 'down') });
    writeFileSync(
      config,
      JSON.stringify({ version: 1, accounts: [{ ...hs.account(), baseUrl: elsewhere.server.url }] }),
    );
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(account).toMatchObject({ remaining: null, level: 'unknown', error: { kind: 'server' } });
  });

  /** Ten days of Happenstance history spending `perDay`, down to the fake's 1,840 today. */
  async function spentDaily(dataDir: string, perDay: number, now: number): Promise<void> {
    const history = new HistoryStore(path.join(dataDir, 'history'));
    for (let day = 10; day >= 1; day--) {
      await history.append('happenstance', {
        remaining: 1840 + day * perDay,
        unit: 'credits',
        quotas: [],
        usedThisPeriod: null,
        usage: [],
        fetchedAt: new Date(now - day * 86_400_000).toISOString(),
        extras: {},
      });
    }
  }

  it('says why an account is low and when it runs out at the pace the monitor last saw, in the table and the JSON', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([{ ...hs.account(), alerts: { warnBelow: 2000 } }]);
    const now = Date.now();
    await spentDaily(dataDir, 100, now);
    const env = keysFor([hs]);
    // The monitor forecasts from the history and keeps it with the cached value, where status reads it.
    expect((await runBuiltCli(['watch', '--data-dir', dataDir, '--for', '3'], env)).code).toBe(0);
    const json = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    const [account] = StatusJson.parse(JSON.parse(json.stdout)).accounts;
    expect(account?.reason).toBe('below your warning level of 2,000 credits');
    expect(account?.outlook.burnPerDay).toBeCloseTo(100, 0);
    expect(account?.outlook.runwayDays).toBeCloseTo(18.4, 0);
    expect(Date.parse(account?.outlook.emptyAt ?? '')).toBeGreaterThan(now + 17 * 86_400_000);
    const table = await runBuiltCli(['status', '--data-dir', dataDir], env);
    expect(table.stdout).toMatch(
      /low\s+1,840 credits\s+in about 18 days \(\d+ \w+\)\s+just now\s+below your warning level of 2,000 credits/,
    );
    const german = await runBuiltCli(['status', '--data-dir', dataDir], { ...env, LANG: 'de_DE.UTF-8' });
    expect(german.stdout).toContain('in etwa 18 Tagen');
    expect(german.stdout).toContain('unter Ihrer Warnstufe von 2.000 Credits');
  });

  it('a balance with no levels of its own still warns when it runs out within a week, saying so', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([hs.account()]);
    // 400 a day from 1,840: under five days left.
    await spentDaily(dataDir, 400, Date.now());
    const env = keysFor([hs]);
    expect((await runBuiltCli(['watch', '--data-dir', dataDir, '--for', '3'], env)).code).toBe(0);
    const json = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    expect(json.code).toBe(1);
    const [account] = StatusJson.parse(JSON.parse(json.stdout)).accounts;
    expect(account).toMatchObject({
      level: 'warning',
      reason: 'runs out in about 5 days at the recent pace',
    });
    const zh = await runBuiltCli(['status', '--data-dir', dataDir], { ...env, LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toMatch(/偏低\s+1,840 积分\s.*按近期用量，将在约 ?5 ?天后用完/);
  });

  it('paints the level in a terminal, or when FORCE_COLOR asks; never under NO_COLOR or into a pipe', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([
      { ...hs.account(), alerts: { warnBelow: 2000 } },
      { id: 'demo', provider: 'demo', label: 'Demo' },
    ]);
    const env = { ...keysFor([hs]), CREDITBAR_DATA_DIR: dataDir };
    const plain = await runBuiltCli(['status'], env);
    expect(plain.stdout).not.toContain('\u001b');
    const forced = await runBuiltCli(['status'], { ...env, FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[33mlow\u001b[0m');
    expect(forced.stdout).toContain('\u001b[32mok\u001b[0m');
    // Only the level's word is painted: without the codes the table is the plain one, columns and all.
    const unpainted = forced.stdout
      .split('\u001b[')
      .map((part, i) => (i === 0 ? part : part.replace(/^[\d;]*m/, '')))
      .join('');
    expect(unpainted).toBe(plain.stdout);
    const refused = await runBuiltCli(['status'], { ...env, FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(refused.stdout).not.toContain('\u001b');
    // A real terminal (a pseudo-terminal from script(1)) is painted with no variable set. Spawned, not spawnSync:
    // the fake provider answers from this process.
    const script = spawn('script', ['-qec', `${process.execPath} ${CLI} status`, '/dev/null'], {
      env: { ...process.env, ...env },
    });
    let tty = '';
    script.stdout.on('data', (chunk: Buffer) => {
      tty += chunk.toString();
    });
    await new Promise((resolve) => script.on('close', resolve));
    expect(tty).toContain('\u001b[33mlow\u001b[0m');
  });

  it('a missing key is no_credentials, naming the variable to set', async () => {
    const { dataDir } = await workspace([byProvider('klaim').account('team-klaim')]);
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir]);
    const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(account?.error?.kind).toBe('no_credentials');
    expect(account?.error?.message).toContain('CREDITBAR_KEY_TEAM_KLAIM');
    expect(run.code).toBe(3);
  });

  it('when a provider goes down, shows the last-known value marked stale, and a table a person can read', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([{ ...hs.account(), label: 'Research team' }]);
    const env = { ...keysFor([hs]), CREDITBAR_DATA_DIR: dataDir };
    expect((await runBuiltCli(['status'], env)).code).toBe(0);
    hs.server.fail({ type: 'reply', reply: hs.errorReply(503, 'Service Unavailable') });
    const run = await runBuiltCli(['status'], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^ID\s+ACCOUNT\s+PROVIDER\s+LEVEL\s+BALANCE \/ QUOTA\s+RUNS OUT \/ RESETS\s+UPDATED\s+PROBLEM$/,
    );
    expect(lines[1]).toMatch(
      /^happenstance\s+Research team\s+happenstance\s+no levels yet \(stale\)\s+1,840 credits\s+just now\s+The provider is having trouble \(503\)/,
    );
    // The problem is said once: its message names the kind, no label before it.
    expect(lines[1]).not.toMatch(/provider error/i);
    hs.server.fail({ type: 'reply', reply: hs.errorReply(503, 'Service Unavailable') });
    const chinese = await runBuiltCli(['status'], { ...env, LANG: 'zh_CN.UTF-8' });
    // Chinese brackets close up to the word they follow.
    expect(chinese.stdout).toMatch(/\s尚无级别（已过时）\s/);
    // Columns line up: each header starts where its value starts.
    expect(lines[1]?.indexOf('happenstance', 1)).toBe(lines[0]?.indexOf('PROVIDER'));
    expect(lines[1]?.indexOf('1,840')).toBe(lines[0]?.indexOf('BALANCE'));
    expect(run.stdout + run.stderr).not.toContain(hs.key);
  });

  it('speaks the terminal’s language: German and Chinese tables, columns aligned by what a terminal shows', async () => {
    const hs = byProvider('happenstance');
    // A level of its own judges the balance, so its level is a word of the table's language ("ok" is one in German).
    const { dataDir } = await workspace([{ ...hs.account(), label: 'Forschung', alerts: { warnBelow: 10 } }]);
    const env = { ...keysFor([hs]), CREDITBAR_DATA_DIR: dataDir };
    const german = await runBuiltCli(['status'], { ...env, LANG: 'de_DE.UTF-8' });
    expect(german.code).toBe(0);
    const [head, row] = german.stdout.trimEnd().split('\n');
    expect(head).toMatch(
      /^ID\s+KONTO\s+ANBIETER\s+STUFE\s+GUTHABEN \/ KONTINGENT\s+LEER IN \/ NEU AB\s+AKTUALISIERT\s+PROBLEM$/,
    );
    expect(row).toMatch(/^happenstance\s+Forschung\s+happenstance\s+ok\s+1\.840 Credits\s+gerade eben$/);
    const chinese = await runBuiltCli(['status'], { ...env, LANGUAGE: 'zh_CN', LANG: 'en_US.UTF-8' });
    const [zhHead, zhRow] = chinese.stdout.trimEnd().split('\n');
    expect(zhRow).toMatch(/^happenstance\s+Forschung\s+happenstance\s+正常\s+1,840 积分\s+刚刚$/);
    // Each Chinese header character takes two cells: "服务商" (6 cells) starts where "happenstance" does.
    const cellsBefore = (line: string, at: number) =>
      [...line.slice(0, at)].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
    expect(cellsBefore(zhHead ?? '', zhHead?.indexOf('服务商') ?? -1)).toBe(
      zhRow?.indexOf('happenstance', 1),
    );
    const missing = await runBuiltCli(['accounts', 'remove', 'nobody'], { ...env, LANG: 'de_DE.UTF-8' });
    expect(missing.stderr).toMatch(/^Kein Konto "nobody" in .*config\.json\.$/m);
    const help = await runBuiltCli(['--help'], { LANG: 'de_DE.UTF-8' });
    expect(help.stdout).toMatch(/^Aufruf: creditbar <Befehl> \[Optionen\]/);
    expect(help.stdout).toContain('  happenstance        Happenstance: [--base-url URL]');
  });

  it('a config that does not validate is explained wholly in the terminal’s language, zod’s own words too', async () => {
    const { dataDir } = await workspace([]);
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({
        version: 2,
        accounts: [{ id: 'x', provider: 'happenstance', label: 'X', pollSeconds: 'oft', apiKey: 'k' }],
      }),
    );
    const german = await runBuiltCli(['status', '--data-dir', dataDir], { LANG: 'de_DE.UTF-8' });
    expect(german.code).toBe(3);
    expect(german.stderr).toContain('config.json hat Fehler:');
    expect(german.stderr).toContain('accounts.0.pollSeconds: muss eine ganze Zahl sein');
    expect(german.stderr).toContain('accounts.0: Unbekannter Schlüssel: "apiKey"');
    expect(german.stderr).not.toMatch(/Invalid|Unrecognized|expected/);
  });

  it('with no Secret Service at all, says the keychain cannot be reached and writes no key anywhere', async () => {
    const hs = byProvider('happenstance');
    const { dataDir } = await workspace([hs.account()]);
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-bus')}`,
    });
    const [account] = StatusJson.parse(JSON.parse(run.stdout)).accounts;
    expect(account?.error?.kind).toBe('keychain_unavailable');
    expect(account?.error?.message).toMatch(/No Secret Service is running: start gnome-keyring/);
    expect(run.code).toBe(3);
    expect(existsSync(path.join(dataDir, 'cache'))).toBe(false);
  });

  it('a wrong flag is one line naming it, and where its command’s help is: exit 3, not the whole usage', async () => {
    const flag = await runBuiltCli(['status', '--jsno']);
    expect(flag.code).toBe(3);
    expect(flag.stderr).toBe('Unknown option --jsno.\nSee: creditbar status --help\n');
    // Said in the terminal's language, not in the English of Node's argument parser.
    const german = await runBuiltCli(['status', '--for'], { LANG: 'de_DE.UTF-8' });
    expect(german.code).toBe(3);
    expect(german.stderr).toBe('--for braucht einen Wert.\nSiehe: creditbar status --help\n');
    // A negative number is the flag's value, and the command says what the flag takes.
    for (const args of [
      ['watch', '--for', '-5'],
      ['watch', '--for=-5'],
    ]) {
      const negative = await runBuiltCli(args);
      expect(negative.code).toBe(3);
      expect(negative.stderr).toMatch(/^--for takes a number of seconds from 1 to 315360000/);
    }
    // A value that is another flag is still said to be one.
    const dash = await runBuiltCli(['watch', '--for', '--json']);
    expect(dash.stderr).toMatch(
      /^--for got a value that starts with a dash; if you meant it, write --for=VALUE\n/,
    );
    // With no command, the whole help is where to look.
    const bare = await runBuiltCli(['--wrong'], { LANG: 'de_DE.UTF-8' });
    expect(bare.stderr).toBe('Unbekannte Option --wrong.\nSiehe: creditbar --help\n');
  });

  it('an unknown command names the known ones', async () => {
    const command = await runBuiltCli(['stauts']);
    expect(command.code).toBe(3);
    expect(command.stderr).toBe(
      'Unknown command: stauts. The commands are status, watch, serve, accounts, providers and help.\n',
    );
  });

  it.each([
    [['help', 'watch'], /^Usage: creditbar watch \[--for SECONDS\]/],
    [['watch', '--help'], /^Usage: creditbar watch \[--for SECONDS\]/],
    [
      ['accounts', '--help'],
      /^Usage: creditbar accounts list \[--json\] \| add \| set ID \| rotate-key ID \| remove ID[\s\S]*CREDITBAR_KEY_<ID>[\s\S]*happenstance/,
    ],
    [['help', 'serve'], /^Usage: creditbar serve \[--listen HOST:PORT\]/],
    [['help'], /^Usage: creditbar <command> \[options\]/],
  ])('creditbar %j shows that command’s help', async (args, page) => {
    const run = await runBuiltCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(page);
  });

  it.each([
    ['en', {}],
    ['de', { LANG: 'de_DE.UTF-8' }],
    ['zh', { LANG: 'zh_CN.UTF-8' }],
  ])(
    'the provider lines of the help (%s) line up, wrap under the name, and mark what is required',
    async (_l, env) => {
      const run = await runBuiltCli(['accounts', '--help'], env);
      const lines = run.stdout.split('\n');
      const first = lines.findIndex((line) => line.startsWith('  openrouter '));
      const last = lines.findIndex((line) => line.startsWith('  demo '));
      const block = lines.slice(first, last + 1);
      // Every name starts in one column, past the longest id (openrouter-credits).
      const nameAt = (block[0] ?? '').indexOf('OpenRouter');
      expect(nameAt).toBeGreaterThan('  openrouter-credits'.length);
      for (const line of block) {
        expect(line.length).toBeLessThanOrEqual(100);
        expect(line.slice(0, nameAt).trim() === '' || line[nameAt - 1] === ' ').toBe(true);
        expect(line[nameAt]).not.toBe(' ');
      }
      const custom = block
        .slice(
          block.findIndex((line) => line.startsWith('  custom ')),
          -1,
        )
        .join(' ');
      expect(custom).toMatch(/ --url URL /);
      expect(custom).toMatch(/ --remaining EXPR /);
      expect(custom).toMatch(/\[--timeout SECONDS\]/);
    },
  );

  // Debian's own Node (20 on Debian 13), when the machine has one: what a person gets who runs the CLI with it.
  const systemNode = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], {
    encoding: 'utf8',
  }).stdout?.trim();
  const [major = 99, minor = 99] = (systemNode || '99.99').split('.').map(Number);
  const olderNode = major < 22 || (major === 22 && minor < 12);
  it.skipIf(!olderNode)(
    'on a Node older than 22.12 it says so in one line, exit 3, not a stack trace',
    () => {
      const run = spawnSync('/usr/bin/node', [CLI, 'status'], { encoding: 'utf8' });
      expect(run.status).toBe(3);
      expect(run.stderr).toBe(`creditbar needs Node.js 22.12 or later; this is ${systemNode}.\n`);
    },
  );

  it('--version says which creditbar this is', async () => {
    const run = await runBuiltCli(['--version']);
    expect(run.stdout).toMatch(/^creditbar \d+\.\d+\.\d+\n$/);
  });

  it('status --json with no accounts still prints JSON; a --config that is not there is said so', async () => {
    const empty = await mkdtemp(path.join(dir, 'empty-'));
    const json = await runBuiltCli(['status', '--json', '--data-dir', empty]);
    expect(json.stdout).toBe('{"accounts":[]}\n');
    expect(json.code).toBe(3);
    const missing = await runBuiltCli(['status', '--config', path.join(empty, 'nope.json')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`${path.join(empty, 'nope.json')} does not exist.`);
  });
});

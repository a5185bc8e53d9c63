import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountResult } from '../../main/core/monitor/refresh-account';
import { createHttpClient } from '../../main/core/providers/http';
import { CreditbarCore } from '../../main/core/runtime/creditbar-core';
import { AlertStateStore } from '../../main/core/store/alert-state-store';
import { createSnapshotCache } from '../../main/core/store/cache';
import { HistoryStore } from '../../main/core/store/history';
import { openStores } from '../../main/core/store/open-stores';
import { resolvePaths } from '../../main/core/store/paths';
import { createKeytarStore } from '../../main/core/store/secrets';
import type { Account } from '../../shared/config';
import { type FakeProvider, startCustom, startHappenstance } from '../fakes/providers';
import { FakeClock } from '../support/fake-clock';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { CLI, runBuiltCli, startBuiltCli } from '../support/run-built-cli';

let hs: FakeProvider;
beforeAll(async () => {
  hs = await startHappenstance('hs_live_local_faults_2468');
});
afterAll(() => hs.close());

async function dataDirWith(accounts: Account[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-local-'));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ version: 1, accounts }));
  return dir;
}

const statusJson = async (dir: string, env: Record<string, string> = {}) => {
  const run = await runBuiltCli(['status', '--json', '--data-dir', dir], env);
  return {
    code: run.code,
    accounts: JSON.parse(run.stdout).accounts as {
      error: { kind: string } | null;
      remaining: number;
      stale: boolean;
    }[],
  };
};

/**
 * Runs a shell script in its own D-Bus session and keyring (so locking or stopping it leaves the suite's alone),
 * with the built CLI, the fake's URL and key, and a data dir in its environment. Asynchronous on purpose: the
 * fake provider lives in this process and must keep answering meanwhile.
 */
function inOwnKeyring(script: string, dir: string) {
  return promisify(execFile)(
    'dbus-run-session',
    ['--', 'bash', path.resolve(__dirname, '../with-keyring.sh'), 'bash', '-c', script],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        KEY: hs.key,
        URL: hs.server.url,
        DIR: dir,
        CLI,
        CREDITBAR_KEYCHAIN_SERVICE: TEST_KEYCHAIN_SERVICE,
      },
    },
  );
}

describe('local faults', () => {
  it('a keychain item deleted behind our back is no_credentials, with the last value kept', async () => {
    const dir = await dataDirWith([{ ...hs.account('deleted-key'), label: 'Deleted' }]);
    await keytar.setPassword(TEST_KEYCHAIN_SERVICE, 'deleted-key', hs.key);
    expect((await statusJson(dir)).accounts[0]).toMatchObject({ remaining: 1840, error: null });
    await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'deleted-key');
    const after = await statusJson(dir);
    expect(after.accounts[0]).toMatchObject({
      remaining: 1840,
      stale: true,
      error: { kind: 'no_credentials' },
    });
  });

  it('a locked keychain: no crash, the last value kept, and a message that says to unlock it', async () => {
    // Locking cannot be undone without the keyring's password prompt, so this runs in its own D-Bus session and
    // keyring, through the built CLI, and leaves the shared one alone.
    const dir = await dataDirWith([]);
    const lock =
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
      'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';
    const script = [
      'set -e',
      'printf %s "$KEY" | node "$CLI" accounts add --provider happenstance --id locked-key --base-url "$URL" --data-dir "$DIR" >/dev/null',
      'node "$CLI" status --json --data-dir "$DIR" > "$DIR/before.json" || true',
      lock,
      'node "$CLI" status --json --data-dir "$DIR" > "$DIR/after.json" || true',
      // Saving a new key into the locked keyring fails, and says it is locked rather than "cannot be reached".
      'printf %s "$KEY" | node "$CLI" accounts add --provider happenstance --id second-key --base-url "$URL" --data-dir "$DIR" --no-verify 2> "$DIR/add.txt" || true',
    ].join('\n');
    await inOwnKeyring(script, dir);
    const before = JSON.parse(readFileSync(path.join(dir, 'before.json'), 'utf8')).accounts[0];
    const after = JSON.parse(readFileSync(path.join(dir, 'after.json'), 'utf8')).accounts[0];
    expect(before).toMatchObject({ remaining: 1840, error: null });
    expect(after).toMatchObject({ remaining: 1840, stale: true, error: { kind: 'no_credentials' } });
    expect(after.error.message).toMatch(/is it locked\? unlock it/);
    expect(readFileSync(path.join(dir, 'add.txt'), 'utf8')).toMatch(
      /Not saved: The keychain is locked: unlock your login keyring/,
    );
  });

  it('a hung Secret Service: every account says the keychain did not answer, after one deadline for all', async () => {
    // Its own D-Bus session and keyring, stopped with SIGSTOP: calls to it then get no answer at all.
    const dir = await dataDirWith([]);
    const add = (id: string) =>
      `printf %s "$KEY" | node "$CLI" accounts add --provider happenstance --id ${id} --base-url "$URL" --data-dir "$DIR" >/dev/null`;
    const script = [
      'set -e',
      add('hung-a'),
      add('hung-b'),
      add('hung-c'),
      'pid=$(for p in $(pgrep gnome-keyring-d); do if tr "\\0" "\\n" < /proc/$p/environ | grep -qx "XDG_DATA_HOME=$XDG_DATA_HOME"; then echo $p; fi; done)',
      'kill -STOP $pid',
      'node "$CLI" status --json --data-dir "$DIR" > "$DIR/status.json" & status=$!',
      // The answer is written once every account has been tried; the keyring is woken as soon as it is there.
      'for i in $(seq 1 300); do [ -s "$DIR/status.json" ] && break; sleep 0.1; done',
      'kill -CONT $pid',
      'wait $status || echo $? > "$DIR/code.txt"',
    ].join('\n');
    await inOwnKeyring(script, dir);
    const accounts = JSON.parse(readFileSync(path.join(dir, 'status.json'), 'utf8')).accounts;
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect(account.error).toMatchObject({ kind: 'keychain_unavailable' });
      expect(account.error.message).toMatch(/The keychain did not answer within 5 s/);
    }
    expect(readFileSync(path.join(dir, 'code.txt'), 'utf8').trim()).toBe('3');
  }, 60_000);

  it('a hung Secret Service with more accounts than libuv has threads: status prints and exits on its own', async () => {
    const dir = await dataDirWith([]);
    const ids = ['hung-1', 'hung-2', 'hung-3', 'hung-4', 'hung-5', 'hung-6'];
    const script = [
      'set -e',
      ...ids.map(
        (id) =>
          `printf %s "$KEY" | node "$CLI" accounts add --provider happenstance --id ${id} --base-url "$URL" --no-verify --data-dir "$DIR" >/dev/null`,
      ),
      'pid=$(for p in $(pgrep gnome-keyring-d); do if tr "\\0" "\\n" < /proc/$p/environ | grep -qx "XDG_DATA_HOME=$XDG_DATA_HOME"; then echo $p; fi; done)',
      'kill -STOP $pid',
      // Not woken this time: status must end by itself, long before libsecret's own 25 s.
      'set +e',
      'timeout 20 node "$CLI" status --json --data-dir "$DIR" > "$DIR/status.json"; echo $? > "$DIR/code.txt"',
      'kill -CONT $pid',
    ].join('\n');
    await inOwnKeyring(script, dir);
    // 124 would be timeout's: the process held by the hung calls.
    expect(readFileSync(path.join(dir, 'code.txt'), 'utf8').trim()).toBe('3');
    const accounts = JSON.parse(readFileSync(path.join(dir, 'status.json'), 'utf8')).accounts;
    expect(accounts).toHaveLength(ids.length);
    for (const account of accounts) expect(account.error).toMatchObject({ kind: 'keychain_unavailable' });
  }, 60_000);

  it('a cache that cannot be written still shows the fresh value; the obstacle is left alone', async () => {
    const dir = await dataDirWith([hs.account()]);
    // As root no permission stops us, so the write is made impossible another way: a file where the folder goes.
    writeFileSync(path.join(dir, 'cache'), 'not a folder');
    const run = await statusJson(dir, { CREDITBAR_KEY_HAPPENSTANCE: hs.key });
    expect(run.code).toBe(0);
    expect(run.accounts[0]).toMatchObject({ remaining: 1840, stale: false, error: null });
    expect(readFileSync(path.join(dir, 'cache'), 'utf8')).toBe('not a folder');
  });

  it('watch keeps watching when its history cannot be written, and says why on stderr', async () => {
    const dir = await dataDirWith([{ ...hs.account(), pollSeconds: 2, adaptive: false }]);
    writeFileSync(path.join(dir, 'history'), 'not a folder');
    const watch = startBuiltCli(['watch', '--data-dir', dir, '--for', '5'], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    const { code, stderr } = await watch.exited;
    expect(code).toBe(0);
    expect(watch.lines.filter((l) => l.includes('"type":"snapshot"')).length).toBeGreaterThanOrEqual(2);
    expect(stderr).toMatch(/Could not save the history; Creditbar keeps running/);
  });

  it('two watches on one data dir: one owns alerts and history, the other reads; each alert once; files readable', async () => {
    const dir = await dataDirWith([
      { ...hs.account(), pollSeconds: 2, adaptive: false, alerts: { warnBelow: 5000 } },
    ]);
    const env = { CREDITBAR_KEY_HAPPENSTANCE: hs.key };
    const a = startBuiltCli(['watch', '--data-dir', dir, '--for', '6'], env);
    const b = startBuiltCli(['watch', '--data-dir', dir, '--for', '6'], env);
    const [exitA, exitB] = await Promise.all([a.exited, b.exited]);
    expect([exitA.code, exitB.code]).toEqual([0, 0]);
    // The low balance is alerted once in all, by whichever claimed the data dir; the other says it reads only.
    const alerts = [...a.lines, ...b.lines].filter((l) => l.includes('"type":"alert"'));
    expect(alerts).toHaveLength(1);
    expect([exitA.stderr, exitB.stderr].filter((e) => /monitoring .* read-only/.test(e))).toHaveLength(1);
    expect([...a.lines, ...b.lines].filter((l) => l.includes('"type":"snapshot"')).length).toBeGreaterThan(2);
    const history = await new HistoryStore(path.join(dir, 'history')).load('happenstance');
    // Written by the owner alone.
    expect(history.points.length).toBeGreaterThanOrEqual(2);
    expect(await new AlertStateStore(path.join(dir, 'alert-state.json')).load()).toMatchObject({
      accounts: { happenstance: { balance: 'warning' } },
    });
    expect(await createSnapshotCache(path.join(dir, 'cache')).read('happenstance')).toMatchObject({
      remaining: 1840,
    });
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.bad'))).toEqual([]);
  });

  it('the wall clock set back a day and forward a year changes neither the cadence nor the order of history', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-clock-'));
    const clock = new FakeClock(Date.parse('2026-11-22T12:00:00Z'));
    const seen: { at: number; result: AccountResult }[] = [];
    const alerts: string[] = [];
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        version: 1,
        accounts: [{ ...hs.account(), pollSeconds: 60, adaptive: false, alerts: { warnBelow: 5000 } }],
      }),
    );
    const core = await CreditbarCore.open({
      stores: await openStores(resolvePaths({ dataDir: dir }, {}, 'linux', '/nowhere'), () =>
        clock.wall().getTime(),
      ),
      keychain: createKeytarStore(TEST_KEYCHAIN_SERVICE),
      env: { CREDITBAR_KEY_HAPPENSTANCE: hs.key },
      http: createHttpClient({ deadlineMs: 2000 }),
      clock,
      random: () => 0.5,
    });
    core.subscribe({
      polled: ({ result }) => seen.push({ at: clock.monotonic(), result }),
      alert: (a) => alerts.push(a.kind),
    });
    await core.start();
    const advance = (ms: number) => clock.advance(ms, () => core.settled());
    await advance(3 * 60_000);
    clock.shiftWall(-24 * 3_600_000);
    await advance(3 * 60_000);
    clock.shiftWall(366 * 24 * 3_600_000);
    await advance(3 * 60_000);
    await core.stop();
    const gaps = seen.slice(1).map((s, i) => s.at - (seen[i] as { at: number }).at);
    expect(new Set(gaps)).toEqual(new Set([60_000]));
    expect(seen.every((s) => s.result.error === null)).toBe(true);
    const { points } = await new HistoryStore(path.join(dir, 'history'), () => clock.wall().getTime()).load(
      'happenstance',
    );
    const times = points.toArray().map((p) => p.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(alerts).toEqual(['low']);
  });

  it('500 accounts: status answers for every one (the 4-at-a-time limit is unit-tested in map-limit)', async () => {
    const custom = await startCustom('cust_five_hundred_key');
    try {
      const base = custom.account();
      const accounts = Array.from({ length: 500 }, (_, i) => ({
        ...base,
        id: `acct-${i}`,
        label: `Account ${i}`,
      }));
      const dir = await dataDirWith(accounts);
      const env: Record<string, string> = {};
      for (let i = 0; i < 500; i++) env[`CREDITBAR_KEY_ACCT_${i}`] = custom.key;
      const run = await statusJson(dir, env);
      expect(run.code).toBe(0);
      expect(run.accounts).toHaveLength(500);
      expect(run.accounts.every((a) => a.error === null && a.remaining === 412.5)).toBe(true);
      expect(custom.server.requests).toHaveLength(500);
      expect(existsSync(path.join(dir, 'cache', 'acct-499.json'))).toBe(true);
    } finally {
      await custom.close();
    }
  });
});

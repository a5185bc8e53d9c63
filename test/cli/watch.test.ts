import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { watchCore } from '../../main/cli/watch-command';
import { createHttpClient } from '../../main/core/providers/http';
import { CreditbarCore } from '../../main/core/runtime/creditbar-core';
import { HistoryStore } from '../../main/core/store/history';
import { openStores } from '../../main/core/store/open-stores';
import { resolvePaths } from '../../main/core/store/paths';
import { createKeytarStore } from '../../main/core/store/secrets';
import { AlertIntent } from '../../shared/alerts';
import type { Account } from '../../shared/config';
import { ErrorKind, PrintedStatus } from '../../shared/model';
import { type FakeProvider, startHappenstance } from '../fakes/providers';
import { english } from '../support/english';
import { FakeClock } from '../support/fake-clock';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { CLI, runBuiltCli, startBuiltCli } from '../support/run-built-cli';

const Line = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('snapshot'), account: PrintedStatus }),
  z.strictObject({ type: z.literal('alert'), ...AlertIntent.shape, title: z.string(), body: z.string() }),
  z.strictObject({ type: z.literal('error'), accountId: z.string(), kind: ErrorKind, message: z.string() }),
]);

let fakes: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

async function workspace(accounts: Account[]): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-watch-'));
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ version: 1, accounts }));
  return dataDir;
}

const parsed = (lines: string[]) => lines.map((l) => Line.parse(JSON.parse(l)));

/**
 * `watch` as the CLI runs it (watchCore on the headless core), on a clock the test moves: what takes minutes or
 * weeks of a real watch takes milliseconds. The built CLI's own start, flags and signals are tested below.
 */
async function watchOnFakeClock(dataDir: string, env: Record<string, string>, forSeconds: number | null) {
  const clock = new FakeClock(Date.parse('2026-11-22T12:00:00Z'));
  const stores = await openStores(resolvePaths({ dataDir }, {}, 'linux', '/nowhere'), () =>
    clock.wall().getTime(),
  );
  const core = await CreditbarCore.open({
    stores,
    keychain: createKeytarStore(TEST_KEYCHAIN_SERVICE),
    env,
    http: createHttpClient(),
    clock,
    random: () => 0,
  });
  const lines: string[] = [];
  let stderr = '';
  let ended = false;
  const exited = watchCore(
    core,
    forSeconds,
    {
      stdout: (text) => lines.push(...text.split('\n').filter(Boolean)),
      stderr: (text) => {
        stderr += text;
      },
      clock,
      tr: english,
    },
    { onStop: () => undefined },
  ).then((code) => {
    ended = true;
    return { code, stderr };
  });
  const settle = async () => {
    await core.settled();
    // watchCore arms its --for timer once the core has started.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    lines,
    exited,
    clock,
    ended: () => ended,
    advance: async (ms: number) => {
      await settle();
      await clock.advance(ms, settle);
    },
  };
}

/** A shell line with the built CLI as $CLI and the data dir as $DIR, a person's pipes and redirections in it. */
async function inShell(script: string, dataDir: string, key: string): Promise<void> {
  const bash = spawn('bash', ['-c', script], {
    env: {
      PATH: process.env.PATH ?? '',
      CLI,
      DIR: dataDir,
      CREDITBAR_KEY_HAPPENSTANCE: key,
      CREDITBAR_KEYCHAIN_SERVICE: process.env.CREDITBAR_KEYCHAIN_SERVICE ?? '',
    },
  });
  await new Promise((resolve) => bash.on('exit', resolve));
}

describe('creditbar watch', () => {
  it('prints a snapshot per fetch and one alert when the balance falls, then stops after --for', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([
      { ...hs.account(), pollSeconds: 2, adaptive: false, alerts: { warnBelow: 1500 } },
    ]);
    const watch = await watchOnFakeClock(dataDir, { CREDITBAR_KEY_HAPPENSTANCE: hs.key }, 9);
    await watch.advance(0);
    expect(watch.lines.some((l) => l.includes('"type":"snapshot"'))).toBe(true);
    hs.balance = 1400;
    await watch.advance(8_999);
    expect(watch.ended()).toBe(false);
    await watch.advance(1);
    const { code, stderr } = await watch.exited;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = parsed(watch.lines);
    const snapshots = lines.filter((l) => l.type === 'snapshot');
    // At 0, 2, 4, 6 and 8 s: a poll every 2 s until --for ends it at 9 s.
    expect(snapshots).toHaveLength(5);
    expect(snapshots[0]).toMatchObject({
      account: { id: 'happenstance', remaining: 1840, level: 'ok', stale: false },
    });
    expect(snapshots[snapshots.length - 1]).toMatchObject({ account: { remaining: 1400, level: 'warning' } });
    expect(lines.filter((l) => l.type === 'alert')).toEqual([
      expect.objectContaining({
        accountId: 'happenstance',
        kind: 'low',
        severity: 'warning',
        title: 'happenstance test is running low',
      }),
    ]);
    expect(watch.lines.join('\n')).not.toContain(hs.key);
    // Read at the watch's own time: history a fortnight old would be compacted to fewer points.
    const history = await new HistoryStore(path.join(dataDir, 'history'), () =>
      watch.clock.wall().getTime(),
    ).load('happenstance');
    expect(history.points.length).toBe(snapshots.length);
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.happenstance.balance,
    ).toBe('warning');
  });

  it('after a 429 with Retry-After: 3, sends no request before it ends', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([{ ...hs.account(), pollSeconds: 2, adaptive: false }]);
    hs.server.fail({
      type: 'reply',
      reply: hs.errorReply(429, 'Too many concurrent requests', { 'retry-after': '3' }),
    });
    const watch = await watchOnFakeClock(dataDir, { CREDITBAR_KEY_HAPPENSTANCE: hs.key }, 8);
    await watch.advance(8_000);
    const { code } = await watch.exited;
    expect(code).toBe(0);
    const errors = parsed(watch.lines).filter((l) => l.type === 'error');
    expect(errors[0]).toMatchObject({ kind: 'rate_limited', message: expect.stringMatching(/wait 3 s/) });
    // The wait is max(Retry-After, backoff) = max(3 s, 30 s): nothing more within this 8 s run.
    expect(hs.server.requests).toHaveLength(1);
  });

  it('stops cleanly on SIGTERM with its state saved', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([{ ...hs.account(), alerts: { warnBelow: 5000 } }]);
    const watch = startBuiltCli(['watch', '--data-dir', dataDir], { CREDITBAR_KEY_HAPPENSTANCE: hs.key });
    await watch.waitFor((l) => l.includes('"type":"alert"'));
    watch.child.kill('SIGTERM');
    const { code, signal } = await watch.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.happenstance.balance,
    ).toBe('warning');
  });

  it('--for longer than a timer can hold (2,200,000 s) keeps watching; ten years and more is refused clearly', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([{ ...hs.account(), pollSeconds: 86_400, adaptive: false }]);
    const env = { CREDITBAR_KEY_HAPPENSTANCE: hs.key };
    const watch = await watchOnFakeClock(dataDir, env, 2_200_000);
    // Past the longest timer Node holds (2^31 - 1 ms, which the fake clock fires at once, as Node does): still on.
    await watch.advance(2 ** 31 + 60_000);
    expect(watch.ended()).toBe(false);
    const daily = parsed(watch.lines).filter((l) => l.type === 'snapshot').length;
    expect(daily).toBeGreaterThan(20);
    await watch.advance(2_200_000_000 - (2 ** 31 + 60_000));
    expect((await watch.exited).code).toBe(0);
    const tooLong = await runBuiltCli(['watch', '--data-dir', dataDir, '--for', '1e12'], env);
    expect(tooLong.code).toBe(3);
    expect(tooLong.stderr).toMatch(/--for takes a number of seconds from 1 to 315360000 \(ten years\)/);
  });

  it('watch | head -1: a closed stdout ends it quietly, exit 0, state saved, no stack trace', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([
      { ...hs.account(), pollSeconds: 2, adaptive: false, alerts: { warnBelow: 5000 } },
    ]);
    const script = `node "$CLI" watch --data-dir "$DIR" 2> "$DIR/stderr.txt" | head -1 > "$DIR/first.txt"; echo "\${PIPESTATUS[0]}" > "$DIR/code.txt"`;
    await inShell(script, dataDir, hs.key);
    expect(readFileSync(path.join(dataDir, 'first.txt'), 'utf8')).toMatch(/^\{"type":"snapshot"/);
    expect(readFileSync(path.join(dataDir, 'code.txt'), 'utf8').trim()).toBe('0');
    expect(readFileSync(path.join(dataDir, 'stderr.txt'), 'utf8')).not.toMatch(/EPIPE|Error|at /);
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.happenstance,
    ).toBeDefined();
  });

  it.each([
    ['watch', ['watch']],
    ['status', ['status']],
  ])(
    '%s >> a full disk: one line, exit 3, state saved, the claim let go, no stack trace',
    async (_name, args) => {
      const hs = await startHappenstance();
      fakes.push(hs);
      const dataDir = await workspace([{ ...hs.account(), pollSeconds: 2, adaptive: false }]);
      const script = `node "$CLI" ${args.join(' ')} --data-dir "$DIR" >> /dev/full 2> "$DIR/stderr.txt"; echo $? > "$DIR/code.txt"`;
      await inShell(script, dataDir, hs.key);
      expect(readFileSync(path.join(dataDir, 'code.txt'), 'utf8').trim()).toBe('3');
      expect(readFileSync(path.join(dataDir, 'stderr.txt'), 'utf8')).toBe(
        'Cannot write the output (ENOSPC): Creditbar stopped, its state saved.\n',
      );
      expect(existsSync(path.join(dataDir, 'monitor.lock'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'cache', 'happenstance.json'))).toBe(true);
    },
  );

  it('an alert-state.json that is a folder is set aside and watch goes on', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([{ ...hs.account(), alerts: { warnBelow: 5000 } }]);
    mkdirSync(path.join(dataDir, 'alert-state.json'));
    const watch = startBuiltCli(['watch', '--data-dir', dataDir], { CREDITBAR_KEY_HAPPENSTANCE: hs.key });
    await watch.waitFor((l) => l.includes('"type":"alert"'));
    watch.child.kill('SIGTERM');
    expect((await watch.exited).code).toBe(0);
    expect(statSync(path.join(dataDir, 'alert-state.json.bad')).isDirectory()).toBe(true);
    expect(
      JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8')).accounts.happenstance,
    ).toBeDefined();
  });

  it('SIGTERM while a request hangs ends watch at once, exit 0', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([hs.account()]);
    hs.server.fail({ type: 'hang' });
    const watch = startBuiltCli(['watch', '--data-dir', dataDir], { CREDITBAR_KEY_HAPPENSTANCE: hs.key });
    await expect.poll(() => hs.server.requests.length, { timeout: 10_000 }).toBe(1);
    const sent = Date.now();
    watch.child.kill('SIGTERM');
    expect((await watch.exited).code).toBe(0);
    // Far sooner than the request's own deadline: stopping aborts it rather than waiting it out.
    expect(Date.now() - sent).toBeLessThan(5_000);
  });

  it('killed with -9 mid-run, its cache and history still load', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await workspace([{ ...hs.account(), pollSeconds: 2, adaptive: false }]);
    const watch = startBuiltCli(['watch', '--data-dir', dataDir], { CREDITBAR_KEY_HAPPENSTANCE: hs.key });
    let seen = 0;
    await watch.waitFor((l) => l.includes('"type":"snapshot"') && ++seen === 2);
    hs.balance = 1700;
    watch.child.kill('SIGKILL');
    expect((await watch.exited).signal).toBe('SIGKILL');
    const history = await new HistoryStore(path.join(dataDir, 'history')).load('happenstance');
    expect(history.points.length).toBeGreaterThanOrEqual(2);
    hs.server.fail({ type: 'reply', reply: hs.errorReply(503, 'down') });
    const status = await runBuiltCli(['status', '--json', '--data-dir', dataDir], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    expect(JSON.parse(status.stdout).accounts[0]).toMatchObject({
      remaining: 1840,
      stale: true,
      error: { kind: 'server' },
    });
  });
});

import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LatestEntry } from '../../../main/core/monitor/latest-results';
import { createHttpClient } from '../../../main/core/providers/http';
import { CreditbarCore } from '../../../main/core/runtime/creditbar-core';
import { CLAIM_TIMING, type ClaimTiming } from '../../../main/core/runtime/monitor-ownership';
import { openStores } from '../../../main/core/store/open-stores';
import { resolvePaths } from '../../../main/core/store/paths';
import { createKeytarStore } from '../../../main/core/store/secrets';
import type { AlertIntent } from '../../../shared/alerts';
import type { Account, Settings } from '../../../shared/config';
import { type FakeProvider, startHappenstance } from '../../fakes/providers';
import { say } from '../../support/english';
import { FakeClock } from '../../support/fake-clock';
import { TEST_KEYCHAIN_SERVICE } from '../../support/keychain';

const MIN = 60_000;

let fakes: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

/** The core on a data dir holding these accounts, on a clock the test moves; keys come from the environment. */
async function coreOn(
  dataDir: string,
  accounts: Account[],
  env: Record<string, string>,
  settings?: Settings,
  claimTiming?: ClaimTiming,
) {
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ version: 1, accounts, settings }));
  const clock = new FakeClock(Date.parse('2026-11-22T12:00:00Z'));
  const core = await CreditbarCore.open({
    stores: await openStores(resolvePaths({ dataDir }, {}, 'linux', '/nowhere'), () =>
      clock.wall().getTime(),
    ),
    keychain: createKeytarStore(TEST_KEYCHAIN_SERVICE),
    env,
    http: createHttpClient({ deadlineMs: 2000, now: () => clock.wall() }),
    clock,
    random: () => 0,
    ...(claimTiming ? { claimTiming } : {}),
  });
  const alerts: AlertIntent[] = [];
  const ownership: boolean[] = [];
  const polls: LatestEntry[] = [];
  const problems: string[] = [];
  core.subscribe({
    alert: (intent) => alerts.push(intent),
    polled: (entry) => polls.push(entry),
    problem: (said) => problems.push(say(said)),
    ownership: (owner) => ownership.push(owner),
  });
  const advance = async (ms: number) => {
    await core.settled();
    await clock.advance(ms, () => core.settled());
  };
  return { core, alerts, polls, problems, ownership, advance };
}

describe('the headless core: the monitor schedules, the alert service alerts, the recorder keeps history', () => {
  it('alerts once as the balance falls, survives a restart without repeating, and forecasts', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    const account = { ...hs.account(), pollSeconds: 600, adaptive: false, alerts: { warnBelow: 1500 } };
    const env = { CREDITBAR_KEY_HAPPENSTANCE: hs.key };
    const first = await coreOn(dataDir, [account], env);
    await first.core.start();
    for (const balance of [1840, 1800, 1700, 1600, 1550, 1450, 1400]) {
      hs.balance = balance;
      await first.advance(11 * MIN);
    }
    await first.core.stop();
    expect(first.alerts.map((a) => `${a.kind}:${a.severity}:${say(a.title)}`)).toEqual([
      'low:warning:happenstance test is running low',
    ]);
    const last = first.polls.at(-1);
    expect(last?.forecast?.burnPerDay).toBeGreaterThan(0);
    expect(last?.forecast?.daysLeft).toBeGreaterThan(0);
    const state = JSON.parse(readFileSync(path.join(dataDir, 'alert-state.json'), 'utf8'));
    expect(state.accounts.happenstance.balance).toBe('warning');
    expect(existsSync(path.join(dataDir, 'history', 'happenstance.jsonl'))).toBe(true);

    const second = await coreOn(dataDir, [account], env);
    hs.balance = 1390;
    await second.core.start();
    await second.advance(30 * MIN);
    hs.balance = 5000;
    await second.advance(11 * MIN);
    await second.core.stop();
    expect(second.alerts.map((a) => a.kind)).toEqual(['recovered']);
  });

  it('holds alerts during quiet hours and delivers one summary when they end, with no poll needed', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    const account = { ...hs.account(), pollSeconds: 86_400, adaptive: false, alerts: { warnBelow: 5000 } };
    // The fake wall clock starts at 12:00 UTC (tests run with TZ=UTC).
    const quiet = { quietHours: { start: '11:30', end: '13:00' } };
    const { core, alerts, polls, advance } = await coreOn(
      dataDir,
      [account],
      { CREDITBAR_KEY_HAPPENSTANCE: hs.key },
      quiet,
    );
    await core.start();
    await advance(10_000);
    expect(polls).toHaveLength(1);
    expect(alerts).toEqual([]);
    await advance(60 * MIN);
    expect(polls).toHaveLength(1);
    expect(alerts.map((a) => ({ ...a, title: say(a.title), body: say(a.body) }))).toEqual([
      expect.objectContaining({
        accountId: null,
        kind: 'summary',
        title: '1 alert during quiet hours',
        body: 'happenstance test is running low',
      }),
    ]);
    await core.stop();
  });

  it('a second core on the same data dir reads only: it shows values but writes no history and raises no alert', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    const account = { ...hs.account(), pollSeconds: 600, adaptive: false, alerts: { warnBelow: 5000 } };
    const env = { CREDITBAR_KEY_HAPPENSTANCE: hs.key };
    const owner = await coreOn(dataDir, [account], env);
    const reader = await coreOn(dataDir, [account], env);
    expect([owner.core.readOnly, reader.core.readOnly]).toEqual([false, true]);
    await reader.core.start();
    await reader.advance(10_000);
    expect(reader.polls.at(-1)?.result.snapshot?.remaining).toBe(1840);
    expect(reader.alerts).toEqual([]);
    expect(existsSync(path.join(dataDir, 'history', 'happenstance.jsonl'))).toBe(false);
    await reader.core.stop();
    await owner.core.stop();
  });

  it('history that cannot be written is said, and polling goes on', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    writeFileSync(path.join(dataDir, 'history'), 'not a folder');
    const account = { ...hs.account(), pollSeconds: 60, adaptive: false };
    const { core, polls, problems, advance } = await coreOn(dataDir, [account], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    await core.start();
    await advance(2 * MIN + 10_000);
    await core.stop();
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls.every((p) => p.result.error === null)).toBe(true);
    expect(problems[0]).toBe('Could not save the history; Creditbar keeps running and will try again.');
  });
});

describe('who alerts for a data dir, when its owner goes', () => {
  const lock = (dataDir: string) => path.join(dataDir, 'monitor.lock');
  /** As a claim reads when its owner stopped refreshing it this long ago. */
  const ageClaim = (dataDir: string, ms: number) => {
    const then = new Date(Date.now() - ms);
    utimesSync(lock(dataDir), then, then);
  };

  it('a core started beside a crashed owner’s claim takes over once the claim is stale, then alerts', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    // The owner was killed with -9 five seconds ago: its claim is still fresh.
    mkdirSync(lock(dataDir));
    ageClaim(dataDir, 5_000);
    const account = { ...hs.account(), pollSeconds: 600, adaptive: false, alerts: { warnBelow: 1500 } };
    const { core, alerts, ownership, advance } = await coreOn(dataDir, [account], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    await core.start();
    expect(core.readOnly).toBe(true);
    await advance(CLAIM_TIMING.retryMs);
    expect(core.readOnly).toBe(true);
    // Nobody refreshed it since: stale.
    ageClaim(dataDir, CLAIM_TIMING.staleMs + 5_000);
    await advance(CLAIM_TIMING.retryMs);
    await vi.waitFor(() => expect(core.readOnly).toBe(false));
    expect(ownership).toEqual([true]);
    hs.balance = 1400;
    await advance(11 * MIN);
    expect(alerts.map((a) => a.kind)).toEqual(['low']);
    expect(existsSync(path.join(dataDir, 'history', 'happenstance.jsonl'))).toBe(true);
    await core.stop();
  });

  it('a core that reads only takes over when the owner stops cleanly', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    const account = { ...hs.account(), pollSeconds: 600, adaptive: false, alerts: { warnBelow: 1500 } };
    const env = { CREDITBAR_KEY_HAPPENSTANCE: hs.key };
    const owner = await coreOn(dataDir, [account], env);
    const reader = await coreOn(dataDir, [account], env);
    await owner.core.start();
    await reader.core.start();
    await owner.core.stop();
    await reader.advance(CLAIM_TIMING.retryMs);
    await vi.waitFor(() => expect(reader.core.readOnly).toBe(false));
    hs.balance = 1400;
    await reader.advance(11 * MIN);
    expect(reader.alerts.map((a) => a.kind)).toEqual(['low']);
    await reader.core.stop();
  });

  it('an owner whose claim another took (it was suspended past staleness) stops alerting and writing', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-'));
    const account = { ...hs.account(), pollSeconds: 600, adaptive: false, alerts: { warnBelow: 1500 } };
    // The shortest timing the lock library allows: its heartbeat sees the claim taken within a second.
    const owner = await coreOn(dataDir, [account], { CREDITBAR_KEY_HAPPENSTANCE: hs.key }, undefined, {
      heartbeatMs: 1_000,
      staleMs: 2_000,
      retryMs: 60_000,
    });
    await owner.core.start();
    await owner.advance(10_000);
    const history = path.join(dataDir, 'history', 'happenstance.jsonl');
    const written = readFileSync(history, 'utf8');
    // Another process found the claim stale and made its own.
    rmSync(lock(dataDir), { recursive: true });
    mkdirSync(lock(dataDir));
    await vi.waitFor(() => expect(owner.core.readOnly).toBe(true), { timeout: 5_000 });
    expect(owner.ownership).toEqual([false]);
    hs.balance = 1400;
    await owner.advance(11 * MIN);
    expect(owner.polls.at(-1)?.result.snapshot?.remaining).toBe(1400);
    expect(owner.alerts).toEqual([]);
    expect(readFileSync(history, 'utf8')).toBe(written);
    await owner.core.stop();
    // Its stop leaves the other's claim alone.
    expect(existsSync(lock(dataDir))).toBe(true);
  });
});

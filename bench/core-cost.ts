import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Monitor } from '../main/core/monitor/monitor';
import { createHttpClient } from '../main/core/providers/http';
import { HistoryRecorder } from '../main/core/runtime/history-recorder';
import { createSnapshotCache } from '../main/core/store/cache';
import { HistoryStore } from '../main/core/store/history';
import type { Account } from '../shared/config';
import { FakeClock } from '../test/support/fake-clock';

interface Fleet {
  child: ChildProcess;
  members: { provider: string; key: string; account: Account }[];
}

export async function startFleet(): Promise<Fleet> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fake-fleet.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve),
  );
  return { child, members: JSON.parse(line) };
}

async function monitorFor(
  accounts: Account[],
  keys: Map<string, string>,
  clock: FakeClock,
  deadlineMs = 15_000,
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-bench-'));
  let results = 0;
  const history = new HistoryStore(path.join(dir, 'history'), () => clock.wall().getTime());
  // Wired as the headless core wires it: each fresh value is recorded before its outlook is read, so the adaptive
  // schedule sees how the balance moves.
  const recorder = new HistoryRecorder(
    history,
    () => true,
    () => undefined,
  );
  const monitor = new Monitor(
    accounts,
    {
      http: createHttpClient({ deadlineMs }),
      secrets: async (id) => keys.get(id) ?? '',
      cache: createSnapshotCache(path.join(dir, 'cache')),
      history,
      clock,
      random: Math.random,
    },
    {
      answered: (account, snapshot) => recorder.record(account.id, snapshot),
      result: () => {
        results++;
      },
    },
  );
  return { monitor, results: () => results };
}

export function fleetAccounts(
  fleet: Fleet,
  count: number,
): { accounts: Account[]; keys: Map<string, string> } {
  const accounts: Account[] = [];
  const keys = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const member = fleet.members[i % fleet.members.length] as Fleet['members'][number];
    const id = `${member.provider}-${i}`.slice(0, 40);
    accounts.push({ ...member.account, id, label: id });
    keys.set(id, member.key);
  }
  return { accounts, keys };
}

/** One full refresh of many accounts (every provider), against loopback fakes in another process. */
export async function fullRefresh(fleet: Fleet, count: number) {
  const { accounts, keys } = fleetAccounts(fleet, count);
  const clock = new FakeClock(Date.now());
  const { monitor, results } = await monitorFor(accounts, keys, clock);
  await monitor.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await monitor.refresh();
  const wallMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  await monitor.stop();
  return {
    accounts: count,
    ok: results(),
    wallMs,
    cpuMsPerAccount: (cpuUsed.user + cpuUsed.system) / 1000 / count,
  };
}

/**
 * Timer wake-ups of an idle monitor over simulated hours: each one should be a scheduled request, with at most
 * one more a minute of housekeeping.
 */
export async function idleWakeups(fleet: Fleet, count: number, hours: number) {
  const { accounts, keys } = fleetAccounts(fleet, count);
  const clock = new FakeClock(Date.now());
  const { monitor, results } = await monitorFor(accounts, keys, clock);
  let wakeups = 0;
  const setTimer = clock.setTimer.bind(clock);
  clock.setTimer = (callback, ms) =>
    setTimer(() => {
      wakeups++;
      callback();
    }, ms);
  await monitor.start();
  await clock.advance(hours * 3_600_000, () => monitor.settled());
  await monitor.stop();
  return { accounts: count, hours, wakeups, requests: results(), allowed: results() + hours * 60 };
}

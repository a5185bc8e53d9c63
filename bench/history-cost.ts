import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSnapshotCache } from '../main/core/store/cache';
import { HistoryStore } from '../main/core/store/history';
import { type Account, accountIdentity } from '../shared/config';
import type { Snapshot } from '../shared/model';
import { cliEnv } from './cli-env';
import { percentile } from './polling-sim';
import { DAY, MINUTE } from './traces';

const ACCOUNTS = 20;
const HISTORY_LOADS = 5;
const CLI_WARM_RUNS = 15;

function yearOfMinutes(now: number): string {
  const lines = ['{"v":1}'];
  for (let t = now - 365 * DAY, i = 0; t <= now; t += MINUTE, i++) {
    lines.push(JSON.stringify([Math.round(t / 1000), 1e6 - i * 0.5, i % 10_000, 40 + (i % 500) / 10]));
  }
  return `${lines.join('\n')}\n`;
}

const snapshot = (t: number, remaining: number): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas: [],
  usedThisPeriod: null,
  usage: [],
  fetchedAt: new Date(t).toISOString(),
  extras: {},
});

/** A year of one-minute polling for 20 accounts: size on disk, load time, append time, CLI start from cache. */
export async function historyCost(cli: string) {
  const now = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-history-bench-'));
  const historyDir = path.join(dir, 'history');
  mkdirSync(historyDir);
  const raw = yearOfMinutes(now);
  for (let a = 0; a < ACCOUNTS; a++) writeFileSync(path.join(historyDir, `acct-${a}.jsonl`), raw);
  // The first load compacts each raw year into its tiers, as the app does on its first start with such a file.
  const compacting = new HistoryStore(historyDir, () => now);
  for (let a = 0; a < ACCOUNTS; a++) await compacting.load(`acct-${a}`);
  let bytes = 0;
  for (let a = 0; a < ACCOUNTS; a++) bytes += statSync(path.join(historyDir, `acct-${a}.jsonl`)).size;

  // As the app reads them at start: all at once, into a store that holds nothing yet. The first load in this
  // process also pays for what later ones reuse (code not yet optimised, memory not yet mapped), as the app's
  // start does; it is reported apart, and the median of the loads is the figure.
  const loadMs: number[] = [];
  let fresh = new HistoryStore(historyDir, () => now);
  let points = 0;
  for (let run = 0; run < HISTORY_LOADS; run++) {
    const loadStarted = performance.now();
    fresh = new HistoryStore(historyDir, () => now);
    const loaded = await Promise.all(Array.from({ length: ACCOUNTS }, (_, a) => fresh.load(`acct-${a}`)));
    loadMs.push(performance.now() - loadStarted);
    points = loaded.reduce((sum, h) => sum + h.points.length, 0);
  }

  const appendMs: number[] = [];
  for (let i = 0; i < 500; i++) {
    const started = performance.now();
    await fresh.append(`acct-${i % ACCOUNTS}`, snapshot(now + (i + 1) * MINUTE, 1000 - i));
    appendMs.push(performance.now() - started);
  }

  // CLI start to the first complete state from cache with no network: every account's host refuses at once.
  // The first run starts with no compiled code cached (as after an install or upgrade); the rest reuse it.
  const cache = createSnapshotCache(path.join(dir, 'cache'));
  const accounts = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const account: Account = {
      id: `acct-${a}`,
      provider: 'happenstance',
      label: `Account ${a}`,
      baseUrl: 'http://127.0.0.1:9',
    };
    await cache.write(account.id, snapshot(now, 1000 + a), accountIdentity(account));
    accounts.push(account);
  }
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ version: 1, accounts }));
  const env = cliEnv({ XDG_CACHE_HOME: path.join(dir, 'cache-home') });
  for (let a = 0; a < ACCOUNTS; a++) env[`CREDITBAR_KEY_ACCT_${a}`] = 'bench-key-0000';
  // One start is a few tens of milliseconds on a shared machine whose own process start moves by as much; the
  // median of many starts is the figure, and the slowest of them is printed beside it.
  const starts: number[] = [];
  for (let run = 0; run <= CLI_WARM_RUNS; run++) {
    const started = performance.now();
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [cli, 'status', '--json', '--data-dir', dir], { env });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      child.on('close', () => resolve(text));
    });
    starts.push(performance.now() - started);
    const parsed = JSON.parse(out) as { accounts: { stale: boolean }[] };
    if (parsed.accounts.length !== ACCOUNTS || !parsed.accounts.every((a) => a.stale))
      throw new Error('CLI did not answer from cache');
  }
  return {
    accounts: ACCOUNTS,
    pointsPerAccount: Math.round(points / ACCOUNTS),
    bytesOnDisk: bytes,
    loadAllMs: percentile(loadMs, 50),
    loadFirstMs: loadMs[0] ?? Number.NaN,
    appendP95Ms: percentile(appendMs, 95),
    cliColdMs: starts[0] ?? Number.NaN,
    cliFromCacheMs: percentile(starts.slice(1), 50),
    cliFromCacheMaxMs: Math.max(...starts.slice(1)),
  };
}

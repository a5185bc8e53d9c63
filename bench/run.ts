import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import path from 'node:path';
import { fleetAccounts, fullRefresh, idleWakeups, startFleet } from './core-cost';
import { historyCost } from './history-cost';
import { pollingPlot } from './polling-plot';
import { creditbarPolicy, POLICIES, type PolicyResult, percentile, simulate } from './polling-sim';
import { rendererCost, rendererJsGzipBytes } from './renderer-cost';
import { serveScale } from './serve-scale';
import { makeTraces } from './traces';
import { refreshPeak, watchScale } from './watch-scale';

const SEED = 20261122;
const CLI = path.resolve(__dirname, '..', 'out', 'main', 'cli.js');

interface Budget {
  name: string;
  value: number;
  target: number;
  unit: string;
  /** 'max': value must stay at or under target; a zero target means none at all. */
  kind: 'max';
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((c, i) =>
      typeof c === 'number' ? c.toFixed(c < 10 ? 2 : 0).padStart(widths[i] ?? 8) : c.padEnd(widths[i] ?? 8),
    )
    .join('  ');
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const print = (text = '') => {
    lines.push(text);
    process.stdout.write(`${text}\n`);
  };

  print('1. Polling efficiency (30 simulated days per trace, seeded)');
  const widths = [18, 22, 8, 8, 8, 8, 8, 8];
  print(row(['trace', 'policy', 'req/day', 'p50 min', 'p95 min', 'max min', 'repeats', 'in R-A'], widths));
  const results: PolicyResult[] = [];
  for (const trace of makeTraces(SEED)) {
    for (const policy of POLICIES) {
      const r = simulate(trace, policy, SEED);
      results.push(r);
      print(
        row(
          [
            trace.name,
            policy.name,
            r.requestsPerDay,
            percentile(r.delaysMinutes, 50),
            percentile(r.delaysMinutes, 95),
            r.delaysMinutes.length > 0 ? Math.max(...r.delaysMinutes) : '—'.padStart(8),
            r.repeats,
            r.duringRetryAfter,
          ],
          widths,
        ),
      );
    }
  }
  const byPolicy = (name: string) => results.filter((r) => r.policy === name);
  const total = (rs: PolicyResult[], f: (r: PolicyResult) => number) => rs.reduce((s, r) => s + f(r), 0);
  const summary = POLICIES.map((p) => {
    const rs = byPolicy(p.name);
    const delays = rs.flatMap((r) => r.delaysMinutes);
    return {
      policy: p.name,
      requestsPerDay: total(rs, (r) => r.requests) / total(rs, (r) => r.requests / r.requestsPerDay),
      p50: percentile(delays, 50),
      p95: percentile(delays, 95),
      max: Math.max(...delays),
      repeats: total(rs, (r) => r.repeats),
      duringRetryAfter: total(rs, (r) => r.duringRetryAfter),
      missed: total(rs, (r) => r.missed),
    };
  });
  print();
  print(
    row(['all traces', 'policy', 'req/day', 'p50 min', 'p95 min', 'max min', 'repeats', 'in R-A'], widths),
  );
  for (const s of summary)
    print(row(['', s.policy, s.requestsPerDay, s.p50, s.p95, s.max, s.repeats, s.duringRetryAfter], widths));
  const [ours, , , codexBar] = summary as [
    (typeof summary)[number],
    (typeof summary)[number],
    (typeof summary)[number],
    (typeof summary)[number],
  ];
  const hardest = makeTraces(SEED)
    .map((trace) => {
      const r = results.find((x) => x.policy === ours.policy && x.trace === trace.name) as PolicyResult;
      return {
        trace: trace.name,
        max: r.delaysMinutes.length ? Math.max(...r.delaysMinutes) : 0,
        perDay: r.requestsPerDay,
      };
    })
    .sort((a, b) => b.max - a.max)[0];
  print(`hardest trace for Creditbar: ${hardest?.trace} (its slowest alert ${hardest?.max.toFixed(1)} min)`);

  // Creditbar's longest wait swept: what each setting costs in requests and gains in delay.
  const sweep = [3600, 7200, 10_800, 14_400, 21_600].map((ceilingSeconds) => {
    const policy = creditbarPolicy(`${ceilingSeconds / 3600} h`, { ceilingSeconds });
    const rs = makeTraces(SEED).map((trace) => simulate(trace, policy, SEED));
    return {
      label: policy.name,
      requestsPerDay: total(rs, (r) => r.requests) / total(rs, (r) => r.requests / r.requestsPerDay),
      p95Minutes: percentile(
        rs.flatMap((r) => r.delaysMinutes),
        95,
      ),
    };
  });
  print(
    `Creditbar's longest wait swept: ${sweep.map((p) => `${p.label} ${p.requestsPerDay.toFixed(1)}/day p95 ${p.p95Minutes.toFixed(1)} min`).join('; ')}`,
  );
  writeFileSync(
    path.join(__dirname, 'polling.svg'),
    pollingPlot(
      summary.map((p) => ({ label: p.policy, requestsPerDay: p.requestsPerDay, p95Minutes: p.p95 })),
      sweep,
    ),
  );

  print();
  print('2. Core cost');
  const fleet = await startFleet();
  let refresh: Awaited<ReturnType<typeof fullRefresh>>;
  let idle: Awaited<ReturnType<typeof idleWakeups>>;
  let refreshMemory: Awaited<ReturnType<typeof refreshPeak>>;
  try {
    refresh = await fullRefresh(fleet, 200);
    idle = await idleWakeups(fleet, 20, 10);
    const { accounts, keys } = fleetAccounts(fleet, 200);
    refreshMemory = await refreshPeak(CLI, accounts, keys, 10);
  } finally {
    fleet.child.stdin?.end();
    fleet.child.kill();
  }
  print(
    `full refresh of ${refresh.accounts} accounts (every provider, presets and cost reports too): ${refresh.wallMs.toFixed(0)} ms wall, ${refresh.cpuMsPerAccount.toFixed(2)} ms CPU per account, ${refresh.ok} answered`,
  );
  print(
    `the same ${refreshMemory.accounts} accounts refreshed by \`creditbar watch\` in its own process: peak RSS ${refreshMemory.peakRssMb.toFixed(0)} MB, ${refreshMemory.snapshots} snapshots`,
  );
  print(
    `idle monitor, ${idle.accounts} accounts for ${idle.hours} simulated hours: ${idle.wakeups} timer wake-ups for ${idle.requests} requests (allowed ${idle.allowed})`,
  );

  const scale = await watchScale(CLI, 2000, 15);
  print(
    `watch over ${scale.accounts} accounts (each polled once in its first seconds): peak RSS ${scale.peakRssMb.toFixed(0)} MB, ${scale.snapshots} snapshots printed`,
  );

  const served = await serveScale(CLI, 200);
  print(
    `serve over ${served.accounts} accounts: a scrape of /metrics takes ${served.scrapeMs.toFixed(1)} ms (median of 20) and is ${(served.bytes / 1024).toFixed(0)} KB`,
  );

  print();
  print('3. History and cache (a year of one-minute polling, 20 accounts)');
  const history = await historyCost(CLI);
  print(
    `on disk ${(history.bytesOnDisk / 1024 / 1024).toFixed(2)} MB (${history.pointsPerAccount} points per account after tiering); load all ${history.loadAllMs.toFixed(1)} ms (median of 5 loads; the process's first: ${history.loadFirstMs.toFixed(1)} ms); append p95 ${history.appendP95Ms.toFixed(2)} ms; CLI start to state from cache ${history.cliFromCacheMs.toFixed(0)} ms (median of 15; slowest ${history.cliFromCacheMaxMs.toFixed(0)} ms; first run, nothing compiled cached: ${history.cliColdMs.toFixed(0)} ms)`,
  );

  print();
  print('4. Renderer (headless Chromium)');
  const js = rendererJsGzipBytes();
  const renderer = await rendererCost();
  print(
    `JS gzipped: ${(js.total / 1024).toFixed(1)} KB in all, ${(js.initial / 1024).toFixed(1)} KB for the overview`,
  );
  print(
    `state pushed → overview of 20 accounts interactive: ${renderer.overviewInteractiveMs.toFixed(1)} ms (sparklines drawn: ${renderer.sparklinesMs.toFixed(1)} ms; median of 7 page loads, the browser's first load: ${renderer.sparklinesFirstLoadMs.toFixed(1)} ms)`,
  );
  print(
    `100 000 points: uPlot ${renderer.chartUplotMs.toFixed(1)} ms, naive SVG line ${renderer.chartSvgMs.toFixed(1)} ms (${(renderer.chartSvgMs / renderer.chartUplotMs).toFixed(1)}x)`,
  );

  const budgets: Budget[] = [
    {
      name: 'Creditbar requests / CodexBar requests',
      value: ours.requestsPerDay / codexBar.requestsPerDay,
      target: 0.25,
      unit: 'ratio',
      kind: 'max',
    },
    { name: 'Creditbar p95 alert delay', value: ours.p95, target: 5, unit: 'min', kind: 'max' },
    { name: 'Creditbar slowest alert', value: ours.max, target: 30, unit: 'min', kind: 'max' },
    { name: 'Creditbar crossings missed', value: ours.missed, target: 0, unit: 'crossings', kind: 'max' },
    { name: 'Creditbar repeated alerts', value: ours.repeats, target: 0, unit: 'alerts', kind: 'max' },
    {
      name: 'Creditbar requests during Retry-After',
      value: ours.duringRetryAfter,
      target: 0,
      unit: 'requests',
      kind: 'max',
    },
    {
      name: 'idle timer wake-ups / allowed',
      value: idle.wakeups / idle.allowed,
      target: 1,
      unit: 'ratio',
      kind: 'max',
    },
    {
      name: 'history on disk',
      value: history.bytesOnDisk / 1024 / 1024,
      target: 10,
      unit: 'MB',
      kind: 'max',
    },
    { name: 'history load, all accounts', value: history.loadAllMs, target: 50, unit: 'ms', kind: 'max' },
    {
      name: 'refresh of 200 accounts, peak RSS',
      value: refreshMemory.peakRssMb,
      target: 150,
      unit: 'MB',
      kind: 'max',
    },
    {
      name: `watch over ${scale.accounts} accounts, peak RSS`,
      value: scale.peakRssMb,
      target: 300,
      unit: 'MB',
      kind: 'max',
    },
    {
      name: `serve over ${served.accounts} accounts, one scrape`,
      value: served.scrapeMs,
      target: 100,
      unit: 'ms',
      kind: 'max',
    },
    { name: 'history append p95', value: history.appendP95Ms, target: 5, unit: 'ms', kind: 'max' },
    {
      name: 'CLI start to state from cache',
      value: history.cliFromCacheMs,
      target: 150,
      unit: 'ms',
      kind: 'max',
    },
    { name: 'renderer JS gzipped', value: js.total / 1024, target: 120, unit: 'KB', kind: 'max' },
    {
      name: 'overview of 20 accounts with sparklines drawn',
      value: renderer.sparklinesMs,
      target: 50,
      unit: 'ms',
      kind: 'max',
    },
    { name: 'chart of 100 000 points', value: renderer.chartUplotMs, target: 100, unit: 'ms', kind: 'max' },
  ];
  print();
  print('Budgets');
  const failed: string[] = [];
  for (const b of budgets) {
    const met = b.value <= b.target;
    const farOff = b.target === 0 ? b.value > 0 : b.value > 2 * b.target;
    if (farOff) failed.push(b.name);
    print(
      `${met ? 'ok  ' : farOff ? 'FAIL' : 'over'}  ${b.name}: ${b.value.toFixed(b.unit === 'ratio' ? 3 : 1)} ${b.unit} (target ≤ ${b.target})`,
    );
  }
  const machine = {
    platform: platform(),
    release: release(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(
    path.join(__dirname, 'results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), machine, seed: SEED, polling: { traces: results, summary }, core: { refresh, refreshMemory, idle, scale, served }, history, renderer: { js, ...renderer }, budgets }, null, 2)}\n`,
  );
  if (failed.length > 0) {
    print(`\nMissed by more than 2x: ${failed.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

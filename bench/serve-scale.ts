import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { cliEnv } from './cli-env';
import { percentile } from './polling-sim';

/**
 * `creditbar serve` over many demo accounts (each with a balance and a quota): once every account has been polled,
 * the time a scrape of `/metrics` takes (median of 20, over loopback, as Prometheus sees it) and its size.
 */
export async function serveScale(cli: string, count: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-serve-bench-'));
  const accounts = Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    provider: 'demo',
    label: `Demo ${i}`,
  }));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ version: 1, accounts }));
  const child = spawn(process.execPath, [cli, 'serve', '--data-dir', dir, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: cliEnv(),
  });
  try {
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', resolve),
    );
    const base = (/http:\/\/\S+(?=\/metrics)/.exec(line) as RegExpExecArray)[0];
    for (;;) {
      const text = await (await fetch(`${base}/metrics`)).text();
      if ((text.match(/^creditbar_up\{[^}]*\} 1$/gm) ?? []).length === count) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      bytes = (await (await fetch(`${base}/metrics`)).arrayBuffer()).byteLength;
      times.push(performance.now() - started);
    }
    return { accounts: count, scrapeMs: percentile(times, 50), bytes };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

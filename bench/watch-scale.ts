import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { envKeyName } from '../main/core/store/secrets';
import type { Account } from '../shared/config';
import { cliEnv } from './cli-env';

/**
 * `creditbar watch` over the given accounts for some seconds, in its own process: every account is polled once in
 * its first seconds, the heaviest moment. Peak RSS is the kernel's VmHWM for that process, read from /proc until
 * it ends, so it holds only what Creditbar itself needs (not the bench's own simulations).
 */
async function watchPeak(cli: string, accounts: Account[], env: Record<string, string>, seconds: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-scale-'));
  try {
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ version: 1, accounts }));
    const child = spawn(process.execPath, [cli, 'watch', '--data-dir', dir, '--for', String(seconds)], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: cliEnv(env),
    });
    let snapshots = 0;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{"type":"snapshot"')) snapshots++;
    });
    let peakKb = 0;
    const sample = setInterval(() => {
      void readFile(`/proc/${child.pid}/status`, 'utf8')
        .then((status) => {
          const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
          peakKb = Math.max(peakKb, hwm);
        })
        .catch(() => undefined);
    }, 200);
    await new Promise((resolve) => child.on('exit', resolve));
    clearInterval(sample);
    return { accounts: accounts.length, snapshots, peakRssMb: peakKb / 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `creditbar watch` over many demo accounts (no network, no key). */
export function watchScale(cli: string, count: number, seconds: number) {
  const accounts = Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    provider: 'demo',
    label: `Demo ${i}`,
  }));
  return watchPeak(cli, accounts as Account[], {}, seconds);
}

/** One refresh of real-provider accounts against loopback fakes: `creditbar watch` with each key in its env. */
export function refreshPeak(cli: string, accounts: Account[], keys: Map<string, string>, seconds: number) {
  const env: Record<string, string> = {};
  for (const [id, key] of keys) env[envKeyName(id)] = key;
  return watchPeak(cli, accounts, env, seconds);
}

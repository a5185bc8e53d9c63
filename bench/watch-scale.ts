import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `creditbar watch` over many demo accounts (no network, no key): every account polled once in the first seconds,
 * the heaviest moment. Peak RSS is the kernel's VmHWM for the process, read from /proc just before it ends.
 */
export async function watchScale(cli: string, accounts: number, seconds: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-scale-'));
  try {
    const config = {
      version: 1,
      accounts: Array.from({ length: accounts }, (_, i) => ({
        id: `d${i}`,
        provider: 'demo',
        label: `Demo ${i}`,
      })),
    };
    await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
    const child = spawn(process.execPath, [cli, 'watch', '--data-dir', dir, '--for', String(seconds)], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
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
    return { accounts, snapshots: lines, peakRssMb: peakKb / 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

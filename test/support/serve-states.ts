import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Account } from '../../shared/config';
import type { PrintedStatus } from '../../shared/model';
import { type FakeProvider, startHappenstance, startMeteredBilling } from '../fakes/providers';
import { freePort } from './prometheus';
import { type RunningCli, startBuiltCli } from './run-built-cli';

/**
 * A real `creditbar serve` watching one account in each state an operator must hear about, each account named
 * after its state: fine, low, empty, a rejected key, a missing key, an unreachable host. The scrape recorded for
 * the rules' unit tests and the real Prometheus test both come from here, so both see what serve really exports.
 */
export const SERVE_STATES = ['fine', 'low', 'empty', 'rejected', 'missing', 'unreachable'] as const;
export type ServeState = (typeof SERVE_STATES)[number];

export interface ServeInStates {
  /** `http://127.0.0.1:PORT`, where /metrics is served. */
  base: string;
  cli: RunningCli;
  stop(): Promise<void>;
}

const envKey = (id: string) => `CREDITBAR_KEY_${id.toUpperCase()}`;

export async function serveInStates(): Promise<ServeInStates> {
  const fakes: FakeProvider[] = [];
  const happenstance = async (balance: number) => {
    const fake = await startHappenstance();
    fake.balance = balance;
    fakes.push(fake);
    return fake;
  };
  const fine = await happenstance(1840);
  const low = await happenstance(1400);
  const empty = await happenstance(0);
  const rejected = await happenstance(1840);
  const metered = await startMeteredBilling();
  fakes.push(metered);
  const closed = `http://127.0.0.1:${await freePort()}`;
  const settings = { pollSeconds: 3600, adaptive: false, alerts: { warnBelow: 1500 } };
  const accounts: Account[] = [
    { ...fine.account('fine'), ...settings },
    { ...low.account('low'), ...settings },
    { ...empty.account('empty'), ...settings },
    { ...rejected.account('rejected'), ...settings },
    { ...metered.account('missing'), pollSeconds: 3600, adaptive: false },
    { ...fine.account('unreachable'), baseUrl: closed, ...settings },
  ];
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-states-'));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ version: 2, accounts }));
  const port = await freePort();
  const cli = startBuiltCli(['serve', '--data-dir', dir, '--listen', `127.0.0.1:${port}`], {
    [envKey('fine')]: fine.key,
    [envKey('low')]: low.key,
    [envKey('empty')]: empty.key,
    [envKey('rejected')]: 'hs_live_revoked000000',
    [envKey('unreachable')]: fine.key,
    // `missing` has no key here, and none in the test keychain.
  });
  const stop = async () => {
    if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
    await cli.exited;
    await Promise.all(fakes.map((f) => f.close()));
  };
  try {
    await cli.waitFor((line) => line.startsWith('Creditbar serves '));
    const base = `http://127.0.0.1:${port}`;
    // Every account polled once: a value read, or an error.
    for (const started = Date.now(); ; ) {
      const { accounts: seen } = (await (await fetch(`${base}/api/v1/accounts`)).json()) as {
        accounts: PrintedStatus[];
      };
      if (seen.length === SERVE_STATES.length && seen.every((a) => a.error !== null || a.fetchedAt !== null))
        break;
      if (Date.now() - started > 20_000)
        throw new Error(`serve did not poll every account: ${JSON.stringify(seen)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { base, cli, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

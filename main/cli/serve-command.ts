import { readFile } from 'node:fs/promises';
import { effectiveAccount } from '../../shared/config';
import { t, tn } from '../../shared/i18n/translate';
import type { Snapshot } from '../../shared/model';
import { Monitor } from '../core/monitor/monitor';
import { ExporterState } from '../core/serve/exporter-state';
import { listenPlan } from '../core/serve/listen';
import { type MetricsServer, startMetricsServer } from '../core/serve/metrics-server';
import { ConfigStore } from '../core/store/config-store';
import { claimMonitoring } from '../core/store/monitor-lock';
import { type CliIo, headlessMonitorDeps, noAccountsLine, openContext } from './context';

export interface ServeSignals {
  /** Calls back once on SIGINT or SIGTERM. */
  onStop(callback: () => void): void;
  /** Calls back on each SIGHUP. */
  onReload(callback: () => void): void;
}

async function readToken(file: string): Promise<string> {
  const token = (await readFile(file, 'utf8')).trim();
  if (token.length < 16 || /\s/.test(token)) throw new Error(t('cli.tokenShape', { file }));
  return token;
}

/**
 * The monitor, headless, as a Prometheus exporter and a small JSON API. Scrapes read the monitor's state; only the
 * monitor's own schedule asks providers. SIGHUP reads the config again; SIGTERM stops with the state saved.
 */
export async function serveCommand(
  flags: { 'data-dir'?: string; config?: string; listen?: string; 'token-file'?: string },
  io: CliIo,
  signals: ServeSignals,
): Promise<number> {
  const plan = listenPlan(flags.listen, flags['token-file'] !== undefined);
  if (!plan.ok) {
    io.stderr(`${plan.problem}\n`);
    return 3;
  }
  let token: string | null = null;
  if (flags['token-file'] !== undefined) {
    try {
      token = await readToken(flags['token-file']);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(
        `${code ? t('cli.tokenUnreadable', { file: flags['token-file'], code }) : (error as Error).message}\n`,
      );
      return 3;
    }
  }
  const context = await openContext(flags, io);
  const { stores, deps } = context;
  if (stores.config.accounts.length === 0) {
    io.stderr(`${noAccountsLine(stores.paths.configFile)}\n`);
    return 3;
  }
  const claim = await claimMonitoring(stores.paths.dataDir);
  if (!claim) {
    io.stderr(`${t('cli.serveReadOnly', { dir: stores.paths.dataDir })}\n`);
  }
  let config = { accounts: stores.config.accounts, settings: stores.config.settings };
  const effective = () => config.accounts.map((a) => effectiveAccount(a, config.settings));
  const state = new ExporterState();
  // Only accounts the exporter does not know yet start from the cache; a reload leaves the others as they are.
  const cachedSnapshots = async () => {
    const cached = new Map<string, Snapshot | null>();
    for (const account of config.accounts.filter((a) => !state.has(a.id)))
      cached.set(account.id, await stores.cache.read(account.id).catch(() => null));
    return (id: string) => cached.get(id) ?? null;
  };
  state.setAccounts(effective(), await cachedSnapshots());
  const monitor = new Monitor(
    effective(),
    headlessMonitorDeps(context, claim !== null, () => config.settings),
    {
      result: (result, forecast) => state.record(result, forecast),
      problem: (message) => io.stderr(`${message}\n`),
    },
  );
  let server: MetricsServer;
  try {
    server = await startMetricsServer({ state, host: plan.host, port: plan.port, token, now: deps.now });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    io.stderr(`${t('cli.cannotListen', { host: plan.host, port: plan.port, code })}\n`);
    await claim?.release();
    return 3;
  }
  io.stdout(`${tn('cli.serving', config.accounts.length, { base: server.base })}\n`);
  await monitor.start();

  signals.onReload(() => {
    void ConfigStore.open(stores.paths.configFile).then(
      async (fresh) => {
        config = { accounts: fresh.accounts, settings: fresh.settings };
        state.setAccounts(effective(), await cachedSnapshots());
        monitor.setAccounts(effective());
        io.stdout(`${tn('cli.reloaded', config.accounts.length)}\n`);
      },
      (error: unknown) => io.stderr(`${t('cli.notReloaded', { message: (error as Error).message })}\n`),
    );
  });
  await new Promise<void>((resolve) => signals.onStop(resolve));
  await server.close();
  await monitor.stop();
  await claim?.release();
  return 0;
}

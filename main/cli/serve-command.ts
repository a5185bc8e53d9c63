import { readFile, stat } from 'node:fs/promises';
import { message } from '../../shared/message';
import { AppFailure, ConfigError } from '../core/errors';
import { listenPlan } from '../core/serve/listen';
import { type MetricsServer, startMetricsServer } from '../core/serve/metrics-server';
import { type CliIo, noAccountsLine, openCliStores, openHeadlessCore } from './context';

export interface ServeSignals {
  /** Calls back once on SIGINT or SIGTERM. */
  onStop(callback: () => void): void;
  /** Calls back on each SIGHUP. */
  onReload(callback: () => void): void;
}

async function readToken(file: string): Promise<{ token: string; shared: boolean }> {
  const token = (await readFile(file, 'utf8')).trim();
  if (token.length < 16 || /\s/.test(token))
    throw new AppFailure('config', message('cli.tokenShape', { file }));
  // Readable by the group or everyone: the token guards every balance, and any user here could read it.
  const { mode } = await stat(file);
  return { token, shared: (mode & 0o077) !== 0 };
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
  const { t, say } = io.tr;
  const plan = listenPlan(flags.listen, flags['token-file'] !== undefined);
  if (!plan.ok) {
    io.stderr(`${say(plan.problem)}\n`);
    return 3;
  }
  let token: string | null = null;
  if (flags['token-file'] !== undefined) {
    try {
      const read = await readToken(flags['token-file']);
      token = read.token;
      if (read.shared) io.stderr(`${t('cli.tokenShared', { file: flags['token-file'] })}\n`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(
        `${error instanceof AppFailure ? say(error.said) : t('cli.tokenUnreadable', { file: flags['token-file'], code: code ?? 'error' })}\n`,
      );
      return 3;
    }
  }
  const stores = await openCliStores(flags, io);
  if (stores.config.accounts.length === 0) {
    io.stderr(`${noAccountsLine(io, flags, stores)}\n`);
    return 3;
  }
  const core = await openHeadlessCore(stores, io);
  const dir = stores.paths.dataDir;
  core.subscribe({
    problem: (said) => io.stderr(`${say(said)}\n`),
    ownership: (owner) => io.stderr(`${t(owner ? 'cli.tookOver' : 'cli.gaveUp', { dir })}\n`),
  });
  let server: MetricsServer;
  try {
    server = await startMetricsServer({
      state: core.results,
      host: plan.host,
      port: plan.port,
      token,
      now: () => io.clock.wall(),
      channelFailures: () => core.channels.failureCounts(),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    io.stderr(`${t('cli.cannotListen', { host: plan.host, port: plan.port, code })}\n`);
    await core.stop();
    return 3;
  }
  // Said once serve listens: a port in use is the one thing to say when it does not.
  if (core.readOnly) io.stderr(`${t('cli.serveReadOnly', { dir })}\n`);
  await core.start();
  io.stdout(`${t('cli.serving', { count: stores.config.accounts.length, base: server.base })}\n`);

  signals.onReload(() => {
    core.reload().then(
      () => io.stdout(`${t('cli.reloaded', { count: stores.config.accounts.length })}\n`),
      (error: unknown) =>
        io.stderr(
          `${t('cli.notReloaded', { message: error instanceof ConfigError ? say(error.said) : String(error) })}\n`,
        ),
    );
  });
  await new Promise<void>((resolve) => signals.onStop(resolve));
  await server.close();
  await core.stop();
  return 0;
}

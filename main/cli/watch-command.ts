import { effectiveAccount } from '../../shared/config';
import { systemClock } from '../core/monitor/clock';
import { Monitor } from '../core/monitor/monitor';
import { toAccountStatus } from '../core/present/account-status';
import { type CliIo, noAccountsLine, openContext } from './context';

export interface WatchSignals {
  /** Calls back once on SIGINT or SIGTERM. */
  onStop(callback: () => void): void;
}

/** The monitor, headless: one JSON object per line until a signal or `--for` seconds. */
export async function watchCommand(
  flags: { 'data-dir'?: string; config?: string; for?: string },
  io: CliIo,
  signals: WatchSignals,
): Promise<number> {
  const forSeconds = flags.for === undefined ? null : Number(flags.for);
  if (forSeconds !== null && !(Number.isFinite(forSeconds) && forSeconds > 0)) {
    io.stderr('--for takes a number of seconds greater than 0\n');
    return 3;
  }
  const { stores, deps } = await openContext(flags, io);
  const { config } = stores;
  if (config.accounts.length === 0) {
    io.stderr(`${noAccountsLine(stores.paths.configFile)}\n`);
    return 3;
  }
  const line = (value: unknown) => io.stdout(`${JSON.stringify(value)}\n`);
  const monitor = new Monitor(
    config.accounts.map((a) => effectiveAccount(a, config.settings)),
    {
      ...deps,
      history: stores.history,
      alertStore: stores.alerts,
      clock: systemClock,
      random: Math.random,
      settings: () => config.settings,
    },
    {
      result(result) {
        line({ type: 'snapshot', account: toAccountStatus(result, systemClock.wall()) });
        if (result.error) {
          line({
            type: 'error',
            accountId: result.account.id,
            kind: result.error.kind,
            message: result.error.message,
          });
        }
      },
      alert(intent) {
        line({ type: 'alert', ...intent });
      },
      problem(message) {
        io.stderr(`${message}\n`);
      },
    },
  );
  await monitor.start();
  await new Promise<void>((resolve) => {
    const timer = forSeconds !== null ? setTimeout(resolve, forSeconds * 1000) : null;
    signals.onStop(() => {
      if (timer) clearTimeout(timer);
      resolve();
    });
  });
  await monitor.stop();
  return 0;
}

import type { Clock } from '../core/monitor/clock';
import { outlookOf, spokenStatus, toAccountStatus } from '../core/present/account-status';
import type { CreditbarCore } from '../core/runtime/creditbar-core';
import { type CliIo, noAccountsLine, openCliStores, openHeadlessCore } from './context';

/** Ten years: anything longer is a typo, said so rather than silently shortened. */
const MAX_FOR_SECONDS = 10 * 365 * 86_400;
/** Node's timers hold at most 2^31 - 1 ms (24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls back after `ms` of the clock's time, however long, by chaining timers Node can hold; returns a cancel. */
function after(clock: Clock, ms: number, callback: () => void): () => void {
  let timer: unknown;
  const deadline = clock.monotonic() + ms;
  const arm = () => {
    const left = deadline - clock.monotonic();
    timer =
      left <= 0
        ? clock.setTimer(callback, 0)
        : clock.setTimer(left > MAX_TIMER_MS ? arm : callback, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  return () => clock.clearTimer(timer);
}

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
  const { t } = io.tr;
  const forSeconds = flags.for === undefined ? null : Number(flags.for);
  if (
    forSeconds !== null &&
    !(Number.isFinite(forSeconds) && forSeconds > 0 && forSeconds <= MAX_FOR_SECONDS)
  ) {
    io.stderr(`${t('cli.forSeconds', { max: MAX_FOR_SECONDS })}\n`);
    return 3;
  }
  const stores = await openCliStores(flags, io);
  if (stores.config.accounts.length === 0) {
    io.stderr(`${noAccountsLine(io, flags, stores)}\n`);
    return 3;
  }
  return watchCore(await openHeadlessCore(stores, io), forSeconds, io, signals);
}

/**
 * Runs the core and prints what it sees until a signal or `forSeconds` of the clock's time: a snapshot line per
 * poll, an error line per failed one, and each alert.
 */
export async function watchCore(
  core: CreditbarCore,
  forSeconds: number | null,
  io: Pick<CliIo, 'stdout' | 'stderr' | 'tr'> & { clock: Clock },
  signals: WatchSignals,
): Promise<number> {
  const { t, say } = io.tr;
  const line = (value: unknown) => io.stdout(`${JSON.stringify(value)}\n`);
  if (core.readOnly) io.stderr(`${t('cli.watchReadOnly', { dir: core.stores.paths.dataDir })}\n`);
  core.subscribe({
    polled({ result, forecast }) {
      line({
        type: 'snapshot',
        account: spokenStatus(
          io.tr,
          toAccountStatus(result, io.clock.wall(), forecast),
          outlookOf(result.snapshot, forecast),
        ),
      });
      if (result.error) {
        line({
          type: 'error',
          accountId: result.account.id,
          kind: result.error.kind,
          message: say(result.error.message),
        });
      }
    },
    alert(intent) {
      line({ type: 'alert', ...intent, title: say(intent.title), body: say(intent.body) });
    },
    problem(said) {
      io.stderr(`${say(said)}\n`);
    },
    ownership(owner) {
      io.stderr(`${t(owner ? 'cli.tookOver' : 'cli.gaveUp', { dir: core.stores.paths.dataDir })}\n`);
    },
  });
  // Listening for a stop before the first poll: a SIGTERM right after the first line printed stops it cleanly
  // instead of killing it with its state unsaved.
  let stopped = false;
  let stop = () => {
    stopped = true;
  };
  signals.onStop(() => stop());
  await core.start();
  await new Promise<void>((resolve) => {
    if (stopped) return resolve();
    const cancel = forSeconds !== null ? after(io.clock, forSeconds * 1000, resolve) : () => undefined;
    stop = () => {
      cancel();
      resolve();
    };
  });
  await core.stop();
  return 0;
}

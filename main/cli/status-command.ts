import { effectiveAccount } from '../../shared/config';
import { byNeed } from '../../shared/need-order';
import type { Forecast } from '../core/alerts/forecast';
import { exitCodeFor } from '../core/alerts/level';
import { mapLimit } from '../core/monitor/map-limit';
import type { AccountResult } from '../core/monitor/refresh-account';
import { refreshAccount } from '../core/monitor/refresh-account';
import { outlookOf, spokenStatus, toAccountStatus } from '../core/present/account-status';
import type { Stores } from '../core/store/open-stores';
import { type CliIo, noAccountsLine, openContext } from './context';
import { alignedTable, paintedTable, statusTable } from './format';

export const MAX_CONCURRENT_FETCHES = 4;

/**
 * The runway the monitor (the app, `watch` or `serve`) last forecast from the account's history, kept with its
 * cached value: a one-shot status says it without decoding a year of history on every run.
 */
async function forecastOf(result: AccountResult, stores: Stores): Promise<Forecast | null> {
  if (!result.snapshot) return null;
  return stores.cache.forecast(result.account.id).catch(() => null);
}

export async function statusCommand(
  flags: { 'data-dir'?: string; config?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const { stores, deps } = await openContext(flags, io);
  const { config } = stores;
  if (config.accounts.length === 0) {
    // A script reading --json gets JSON still: no accounts, and the reason on stderr.
    if (flags.json) io.stdout(`${JSON.stringify({ accounts: [] })}\n`);
    io.stderr(`${noAccountsLine(io, flags, stores)}\n`);
    return 3;
  }
  const accountsToCheck = config.accounts.map((a) => effectiveAccount(a, config.settings));
  const results = await mapLimit(accountsToCheck, MAX_CONCURRENT_FETCHES, (account) =>
    refreshAccount(account, deps),
  );
  const now = deps.now();
  // Worst first, as the tray and the popover order them: what needs the person leads.
  const rows = await Promise.all(
    results.map(async (result) => {
      const forecast = await forecastOf(result, stores);
      return {
        status: toAccountStatus(result, now, forecast),
        outlook: outlookOf(result.snapshot, forecast),
      };
    }),
  );
  const ordered = byNeed(
    rows.map((row) => ({ ...row.status, forecast: { daysLeft: row.outlook.runwayDays }, row })),
  ).map((entry) => entry.row);
  if (flags.json)
    io.stdout(
      `${JSON.stringify({ accounts: ordered.map((r) => spokenStatus(io.tr, r.status, r.outlook)) })}\n`,
    );
  else {
    const table = statusTable(io.tr, ordered, now);
    if (io.colour) io.stdoutPainted(paintedTable(table.header, table.cells, table.painted));
    else io.stdout(`${alignedTable(table.header, table.cells)}\n`);
    // A ledger account with no balance stated shows only what it spent: how to make its estimate.
    const unstated = ordered.filter((r) => r.status.ledger !== null && r.status.ledger.statedAt === null);
    if (unstated.length > 0)
      io.stdout(
        `\n${unstated.map(({ status }) => io.tr.t('cli.stateBalanceHint', { label: status.label, id: status.id })).join('\n')}\n`,
      );
    // Alerts a channel could not take are said where the person looks, with the channel's own answer.
    const failed = await stores.outbox.failed().catch(() => []);
    for (const entry of failed.slice(-5))
      io.stderr(
        `${io.tr.t('cli.channelFailed', {
          channel: entry.channelId,
          time: io.tr.intl().dayMonthTime.format(new Date(entry.alert.at)),
          problem: entry.lastProblem ? io.tr.say(entry.lastProblem) : '',
        })}\n`,
      );
  }
  return exitCodeFor(rows.map((r) => r.status));
}

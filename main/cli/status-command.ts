import { effectiveAccount } from '../../shared/config';
import { exitCodeFor } from '../core/alerts/level';
import { mapLimit } from '../core/monitor/map-limit';
import { refreshAccount } from '../core/monitor/refresh-account';
import { spokenStatus, toAccountStatus } from '../core/present/account-status';
import { type CliIo, noAccountsLine, openContext } from './context';
import { statusTable } from './format';

export const MAX_CONCURRENT_FETCHES = 4;

export async function statusCommand(
  flags: { 'data-dir'?: string; config?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const { stores, deps } = await openContext(flags, io);
  const { config } = stores;
  if (config.accounts.length === 0) {
    io.stderr(`${noAccountsLine(io.tr, stores.paths.configFile)}\n`);
    return 3;
  }
  const accountsToCheck = config.accounts.map((a) => effectiveAccount(a, config.settings));
  const results = await mapLimit(accountsToCheck, MAX_CONCURRENT_FETCHES, (account) =>
    refreshAccount(account, deps),
  );
  const now = deps.now();
  const accounts = results.map((result) => toAccountStatus(result, now));
  if (flags.json) io.stdout(`${JSON.stringify({ accounts: accounts.map((a) => spokenStatus(io.tr, a)) })}\n`);
  else io.stdout(`${statusTable(io.tr, accounts, now)}\n`);
  return exitCodeFor(accounts);
}

import { message } from '../../../../shared/message';
import { AppFailure } from '../../errors';
import { downsample } from '../../present/history-series';
import { isPng, writeChartPng } from '../../store/chart-png';
import { writeHistoryCsv } from '../../store/history-csv';
import type { HandlerContext, HandlersOf } from './handler-context';

/** An account's history for the charts, and its exports as CSV and PNG. */
export function historyHandlers(
  ctx: HandlerContext,
): HandlersOf<'history:get' | 'history:export' | 'history:export-png'> {
  const { config, history } = ctx.core.stores;
  const known = (accountId: string) => {
    if (!config.account(accountId))
      throw new AppFailure('not_found', message('account.none', { id: accountId }));
  };
  return {
    'history:get': async ({ accountId, from, to, maxPoints }) => {
      if (!config.account(accountId)) return [];
      const { points } = await history.load(accountId);
      return downsample(points, points.firstAtOrAfter(from), points.firstAfter(to), maxPoints).map((p) => ({
        t: p.t,
        remaining: p.remaining,
        maxPercent: p.maxPercent,
      }));
    },
    'history:export': async ({ accountId }) => {
      known(accountId);
      const file = await ctx.chooseSaveFile(`creditbar-${accountId}.csv`);
      if (!file) return false;
      await writeHistoryCsv(file, (await history.load(accountId)).points);
      return true;
    },
    'history:export-png': async ({ accountId, png }) => {
      known(accountId);
      const bytes = Buffer.from(png, 'base64');
      if (!isPng(bytes)) throw new AppFailure('bad_response', message('export.notPng'));
      const file = await ctx.chooseSaveFile(`creditbar-${accountId}.png`);
      if (!file) return false;
      await writeChartPng(file, bytes);
      return true;
    },
  };
}

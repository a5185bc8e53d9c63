import type { Translator } from '../../shared/i18n/translator';
import type { LedgerEntry, LedgerEntryKind } from '../../shared/ledger';
import type { Snapshot } from '../../shared/model';
import type { LedgerChange } from '../core/accounts/ledger-service';
import { namedAccount } from './accounts-command';
import type { CliIo } from './context';
import { alignedTable } from './format';

type LedgerFlags = { 'data-dir'?: string; config?: string; json?: boolean; at?: string; remove?: string };

/** An entry's amount as money in the account's currency (US dollars for the cost reports). */
function amountOf({ amountWithUnit }: Translator, entry: LedgerEntry, unit: string | null): string {
  return amountWithUnit(Number(entry.amount), unit ?? 'USD');
}

/** The estimate the account shows now, as a line: or when it will be made (nothing read from the vendor yet). */
function estimateLine(tr: Translator, snapshot: Snapshot | null): string {
  if (!snapshot || snapshot.remaining === null) return tr.t('cli.estimateAtNextCheck');
  return tr.t('cli.estimateNow', { estimate: tr.headlineText({ ...snapshot, ledger: true }) });
}

/**
 * `accounts set-balance ID AMOUNT [--at TIME]` and `accounts top-up ID AMOUNT [--at TIME]`: one ledger entry, then
 * the estimate it gives.
 */
export async function accountsRecord(
  kind: LedgerEntryKind,
  id: string,
  amount: string,
  flags: LedgerFlags,
  io: CliIo,
): Promise<number> {
  const { t, say, intl } = io.tr;
  const named = await namedAccount(id, flags, io);
  if (!named) return 3;
  const { ctx } = named;
  const change: LedgerChange = await ctx.ledger.record(id, kind, amount, flags.at);
  const label = ctx.stores.config.account(id)?.label ?? id;
  const unit = change.snapshot?.unit ?? null;
  if (flags.json) {
    io.stdout(`${JSON.stringify({ entry: change.entry, estimate: ledgerJson(change.snapshot) })}\n`);
    return 0;
  }
  const said = {
    label,
    id,
    amount: amountOf(io.tr, change.entry, unit),
    time: intl().dayMonthTime.format(new Date(change.entry.at)),
  };
  io.stdout(`${t(kind === 'balance' ? 'cli.balanceStated' : 'cli.topUpRecorded', said)}\n`);
  if (change.note) io.stdout(`${say(change.note)}\n`);
  io.stdout(`${estimateLine(io.tr, change.snapshot)}\n`);
  return 0;
}

/** The figures an estimate is made of, as `--json` prints them. */
function ledgerJson(snapshot: Snapshot | null) {
  const ledger = snapshot?.extras.ledger;
  if (!snapshot || !ledger) return null;
  return {
    estimated: true,
    balance: snapshot.remaining,
    currency: snapshot.unit,
    statedAt: ledger.statedAt,
    stated: ledger.stated,
    topUps: ledger.topUps,
    spentSince: ledger.spent,
    restate: ledger.restate,
  };
}

/** `accounts ledger ID [--remove ENTRY]`: what was stated and bought, oldest first, and the estimate it gives. */
export async function accountsLedger(id: string, flags: LedgerFlags, io: CliIo): Promise<number> {
  const { t, intl } = io.tr;
  const named = await namedAccount(id, flags, io);
  if (!named) return 3;
  const { ctx } = named;
  if (flags.remove !== undefined) {
    const { entry, snapshot } = await ctx.ledger.remove(id, flags.remove);
    const label = ctx.stores.config.account(id)?.label ?? id;
    io.stdout(
      `${t('cli.entryRemoved', {
        entry: entry.id,
        kind: t(`ledger.kind.${entry.kind}`),
        amount: amountOf(io.tr, entry, snapshot?.unit ?? null),
        label,
      })}\n${estimateLine(io.tr, snapshot)}\n`,
    );
    return 0;
  }
  const entries = [...(await ctx.ledger.entries(id))].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const snapshot = await ctx.stores.cache.read(id).catch(() => null);
  if (flags.json) {
    io.stdout(`${JSON.stringify({ entries, estimate: ledgerJson(snapshot) })}\n`);
    return 0;
  }
  if (entries.length === 0) {
    io.stdout(`${t('cli.ledgerEmpty', { id })}\n`);
    return 0;
  }
  const header = [t('cli.col.entry'), t('cli.col.kind'), t('cli.col.amount'), t('cli.col.at')];
  const rows = entries.map((e) => [
    e.id,
    t(`ledger.kind.${e.kind}`),
    amountOf(io.tr, e, snapshot?.unit ?? null),
    intl().dayMonthTime.format(new Date(e.at)),
  ]);
  io.stdout(`${alignedTable(header, rows)}\n\n${estimateLine(io.tr, snapshot)}\n`);
  return 0;
}

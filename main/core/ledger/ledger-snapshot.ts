import type { LedgerEntry } from '../../../shared/ledger';
import type { Snapshot } from '../../../shared/model';
import { type CostPlan, costDaysFromTotal, costsNeededFrom, mergeCostDays } from './cost-window';
import { estimateBalance, restateReason, spendSoFar } from './estimate';
import { toNumber } from './money';

/**
 * A cost report's snapshot made a ledger account's: the estimated balance as its `remaining` (so the levels, the
 * runway, the history and the metrics read it as any balance), with the figures it is made of beside it. Before a
 * balance is stated `remaining` stays null: the account shows what was spent and asks for the balance.
 */
export function withLedger(snapshot: Snapshot, entries: readonly LedgerEntry[], now: Date): Snapshot {
  const days = snapshot.extras.costDays ?? [];
  const estimate = estimateBalance(entries, days);
  const { today, month } = spendSoFar(days, now);
  return {
    ...snapshot,
    remaining: estimate ? toNumber(estimate.balance) : null,
    usedThisPeriod: toNumber(month),
    extras: {
      ...snapshot.extras,
      ledger: {
        statedAt: estimate?.statedAt ?? null,
        stated: estimate ? toNumber(estimate.stated) : null,
        topUps: estimate ? toNumber(estimate.topUps) : 0,
        spent: estimate ? toNumber(estimate.spent) : 0,
        spentToday: toNumber(today),
        spentThisMonth: toNumber(month),
        restate: estimate ? restateReason(estimate, now) : null,
      },
    },
  };
}

/** A fresh cost report joined to the days already known (the plan's), then estimated. */
export function withFreshCosts(
  snapshot: Snapshot,
  plan: CostPlan,
  entries: readonly LedgerEntry[],
  now: Date,
): Snapshot {
  const costDays = mergeCostDays(plan.known, snapshot.extras.costDays ?? [], plan.from, plan.needed);
  return withLedger({ ...snapshot, extras: { ...snapshot.extras, costDays } }, entries, now);
}

/**
 * A running total of spend joined to the days already known (the last value's), then estimated. A poll that read
 * no total keeps the days as they were.
 */
export function withSpentTotal(
  snapshot: Snapshot,
  last: Snapshot | null,
  entries: readonly LedgerEntry[],
  now: Date,
): Snapshot {
  const known = last?.extras.costDays ?? [];
  const total = snapshot.extras.spentTotal;
  const costDays =
    total === undefined
      ? known
      : costDaysFromTotal(known, last?.extras.spentTotal ?? null, total, now, costsNeededFrom(entries, now));
  return withLedger({ ...snapshot, extras: { ...snapshot.extras, costDays: [...costDays] } }, entries, now);
}

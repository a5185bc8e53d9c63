import type { AccountStatus } from '../../../shared/model';
import { levelOf } from '../alerts/level';
import type { AccountResult } from '../monitor/refresh-account';

/** The one account shape `status --json` and `watch` print. */
export function toAccountStatus(result: AccountResult): AccountStatus {
  const { account, snapshot, error } = result;
  return {
    id: account.id,
    provider: account.provider,
    label: account.label,
    level: levelOf(snapshot, error, account.alerts),
    stale: result.stale,
    remaining: snapshot?.remaining ?? null,
    unit: snapshot?.unit ?? null,
    quotas: snapshot?.quotas ?? [],
    usedThisPeriod: snapshot?.usedThisPeriod ?? null,
    fetchedAt: snapshot?.fetchedAt ?? null,
    error: error ? { kind: error.kind, message: error.message } : null,
  };
}

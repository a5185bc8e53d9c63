import { severityRank, worstQuota } from './format';
import type { AccountStatus, Level } from './model';

export type NeedAccount = Pick<
  AccountStatus,
  'level' | 'stale' | 'error' | 'remaining' | 'quotas' | 'label'
> & {
  /** How long the credit lasts at the recent pace, where the history says (the popover's and the tray's state). */
  forecast?: { daysLeft: number | null } | null;
};

/**
 * The level an account is ranked at: its own, except that an "ok" whose last poll failed (and whose value is not
 * already marked stale) ranks as unknown: nothing current says it is ok.
 */
export function rankedLevel(account: Pick<NeedAccount, 'level' | 'stale' | 'error'>): Level {
  return account.level === 'ok' && account.error && !account.stale ? 'unknown' : account.level;
}

/**
 * "Most in need" first, the one order the tray (which account its number speaks for) and the popover (the order
 * of its rows) share: the worse level; within it, a failing poll before a quiet one; then the one that runs out
 * sooner, where the pace is known (days compare across units, amounts do not); then prepaid before quota (credits
 * left is the number people act on), the lowest balance, the fullest quota; then by label.
 */
export function compareNeed(a: NeedAccount, b: NeedAccount): number {
  const level = severityRank(rankedLevel(b)) - severityRank(rankedLevel(a));
  if (level !== 0) return level;
  const failing = Number(!!b.error) - Number(!!a.error);
  if (failing !== 0) return failing;
  const aDays = a.forecast?.daysLeft ?? Number.POSITIVE_INFINITY;
  const bDays = b.forecast?.daysLeft ?? Number.POSITIVE_INFINITY;
  if (aDays !== bDays) return aDays < bDays ? -1 : 1;
  const aPrepaid = a.remaining !== null;
  const bPrepaid = b.remaining !== null;
  if (aPrepaid !== bPrepaid) return aPrepaid ? -1 : 1;
  const amount =
    aPrepaid && bPrepaid
      ? (a.remaining as number) - (b.remaining as number)
      : (worstQuota(b)?.percentUsed ?? -1) - (worstQuota(a)?.percentUsed ?? -1);
  return amount || a.label.localeCompare(b.label);
}

export function byNeed<A extends NeedAccount>(accounts: readonly A[]): A[] {
  return [...accounts].sort(compareNeed);
}

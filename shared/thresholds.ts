import { DEFAULT_CRITICAL_PERCENT, DEFAULT_WARN_PERCENT } from './alert-defaults';
import type { AlertThresholds } from './config';

/**
 * An account's levels, written once: the level shown (tray, popover, CLI, metrics), the alerts (with their re-arm
 * margin), the chart's lines, the quota bars and the scheduler's next crossing all read them here. No zod: the
 * popover's overview loads this.
 */
export type ThresholdLevel = 'warning' | 'critical' | 'empty';

export interface Threshold {
  level: ThresholdLevel;
  value: number;
  /** `below`: breached under the value (a balance); `atLeast`: at or over it (a quota's percent used). */
  direction: 'below' | 'atLeast';
}

/** An alert re-arms only once the value is back 10 % past its threshold, so a value hovering on it alerts once. */
export const REARM_MARGIN = 0.1;

/** A balance's levels, worst first: empty at zero, then the critical and warning levels the person set. */
export function balanceThresholds(alerts: AlertThresholds = {}): Threshold[] {
  const levels: Threshold[] = [{ level: 'empty', value: 0, direction: 'below' }];
  if (alerts.criticalBelow !== undefined)
    levels.push({ level: 'critical', value: alerts.criticalBelow, direction: 'below' });
  if (alerts.warnBelow !== undefined)
    levels.push({ level: 'warning', value: alerts.warnBelow, direction: 'below' });
  return levels;
}

/** A quota's levels in percent used, worst first; the defaults when the person set none. */
export function quotaThresholds(alerts: AlertThresholds = {}): Threshold[] {
  return [
    { level: 'critical', value: alerts.criticalPercent ?? DEFAULT_CRITICAL_PERCENT, direction: 'atLeast' },
    { level: 'warning', value: alerts.warnPercent ?? DEFAULT_WARN_PERCENT, direction: 'atLeast' },
  ];
}

/** Days of credit left at the recent burn rate: warned at a week, critical at two days, unless set otherwise. */
export const RUNWAY_WARN_DAYS = 7;
export const RUNWAY_CRITICAL_DAYS = 2;

/** The runway's levels in days, worst first: the person's (Settings, or the account's own), else a week and two days. */
export function runwayThresholds(alerts: AlertThresholds = {}): Threshold[] {
  return [
    { level: 'critical', value: alerts.criticalDays ?? RUNWAY_CRITICAL_DAYS, direction: 'below' },
    { level: 'warning', value: alerts.warnDays ?? RUNWAY_WARN_DAYS, direction: 'below' },
  ];
}

/**
 * Whether the runway judges a balance: only when the person set no level of their own for it (a runway would
 * second-guess their choice), and only for a balance (a quota resets). An account added with no levels still
 * warns a week before it runs dry.
 */
export function runwayJudges(alerts: AlertThresholds | undefined, remaining: number | null): boolean {
  return remaining !== null && alerts?.warnBelow === undefined && alerts?.criticalBelow === undefined;
}

/** Whether the value is past the level. Empty is reached at zero itself: nothing left is empty. */
export function breached(threshold: Threshold, value: number): boolean {
  if (threshold.level === 'empty') return value <= threshold.value;
  return threshold.direction === 'below' ? value < threshold.value : value >= threshold.value;
}

/** Whether the value is back far enough past the level for its alert to re-arm. */
export function cleared(threshold: Threshold, value: number): boolean {
  if (threshold.level === 'empty') return value > threshold.value;
  const margin = REARM_MARGIN * Math.abs(threshold.value);
  return threshold.direction === 'below'
    ? value >= threshold.value + margin
    : value < threshold.value - margin;
}

const RANK: Record<ThresholdLevel | 'ok', number> = { ok: 0, warning: 1, critical: 2, empty: 3 };

/** The worst level the value is past, or ok. */
export function levelFor(thresholds: readonly Threshold[], value: number): ThresholdLevel | 'ok' {
  let worst: ThresholdLevel | 'ok' = 'ok';
  for (const threshold of thresholds)
    if (breached(threshold, value) && RANK[threshold.level] > RANK[worst]) worst = threshold.level;
  return worst;
}

/**
 * Whether anything judges an account whose level is ok: a quota (its percent levels always apply), a balance level
 * of the person's own, or a runway to go by. A balance with none of these (too little history yet, or a ledger
 * account whose balance was never stated) is only a number: shown as neutral, never as ok, which would be a guess.
 */
export function isJudged(account: {
  level: string;
  quotas: readonly unknown[];
  remaining: number | null;
  alerts?: AlertThresholds;
  daysLeft: number | null;
}): boolean {
  if (account.level !== 'ok' || account.quotas.length > 0) return true;
  if (account.remaining === null) return false;
  return !runwayJudges(account.alerts, account.remaining) || account.daysLeft !== null;
}

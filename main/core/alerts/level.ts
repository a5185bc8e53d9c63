import type { AlertThresholds } from '../../../shared/config';
import { worseLevel } from '../../../shared/format';
import type { Level, ProviderError, Snapshot } from '../../../shared/model';

export const DEFAULT_WARN_PERCENT = 80;
export const DEFAULT_CRITICAL_PERCENT = 95;

/**
 * How worried a person should be about one account. Out of credit (or a payment error) is `empty`; thresholds give
 * `warning`/`critical`; no data at all is `unknown`. A stale snapshot still counts: its numbers are the best we know.
 */
export function levelOf(
  snapshot: Snapshot | null,
  error: ProviderError | null,
  alerts: AlertThresholds = {},
): Level {
  if (error?.kind === 'payment') return 'empty';
  if (!snapshot) return 'unknown';
  let level: Level = 'ok';
  const { remaining } = snapshot;
  if (remaining !== null) {
    if (remaining <= 0) return 'empty';
    if (alerts.criticalBelow !== undefined && remaining < alerts.criticalBelow) level = 'critical';
    else if (alerts.warnBelow !== undefined && remaining < alerts.warnBelow) level = 'warning';
  }
  const warnPercent = alerts.warnPercent ?? DEFAULT_WARN_PERCENT;
  const criticalPercent = alerts.criticalPercent ?? DEFAULT_CRITICAL_PERCENT;
  for (const quota of snapshot.quotas) {
    if (quota.percentUsed >= criticalPercent) level = worseLevel(level, 'critical');
    else if (quota.percentUsed >= warnPercent) level = worseLevel(level, 'warning');
  }
  return level;
}

const EXIT_CODE: Record<Level, number> = { ok: 0, warning: 1, critical: 2, empty: 2, unknown: 3 };

/** Monitoring-plugin exit code: the highest that applies to any account. */
export function exitCodeFor(levels: readonly Level[]): number {
  return levels.reduce((code, level) => Math.max(code, EXIT_CODE[level]), 0);
}

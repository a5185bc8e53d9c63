import type { Translator } from '../../../shared/i18n/translator';
import type { AccountStatus, PrintedStatus, Snapshot, StatusOutlook } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';
import { isJudged } from '../../../shared/thresholds';
import type { Forecast } from '../alerts/forecast';
import { isCurrent, levelOf, levelReason, staleLimitMs } from '../alerts/level';
import type { AccountResult } from '../monitor/refresh-account';

/**
 * The one account shape `status --json`, `watch` and the popover show. The forecast is the monitor's last: a
 * balance with no level of the person's own is judged by its runway.
 */
export function toAccountStatus(result: AccountResult, now: Date, forecast: Forecast | null): AccountStatus {
  const outlook = {
    daysLeft: forecast?.daysLeft ?? null,
    quotaPercentAtEnd: forecast?.quotaPercentAtEnd ?? null,
  };
  const { account, snapshot, error } = result;
  const pollSeconds = account.pollSeconds ?? PROVIDERS[account.provider].defaultPollSeconds;
  const current = isCurrent(snapshot, error, now, staleLimitMs(pollSeconds));
  const level = levelOf(snapshot, error, account.alerts, current, outlook);
  const remaining = snapshot?.remaining ?? null;
  const quotas = snapshot?.quotas ?? [];
  const ledger = snapshot?.extras.ledger;
  return {
    id: account.id,
    provider: account.provider,
    label: account.label,
    level,
    stale: result.stale,
    current,
    partial: snapshot?.extras.partial === true,
    remaining,
    unit: snapshot?.unit ?? null,
    quotas,
    usedThisPeriod: snapshot?.usedThisPeriod ?? null,
    fetchedAt: snapshot?.fetchedAt ?? null,
    error: error ? { kind: error.kind, message: error.message } : null,
    reason: levelReason(snapshot, error, account.alerts, outlook),
    judged: isJudged({ level, quotas, remaining, alerts: account.alerts, daysLeft: outlook.daysLeft }),
    ledger: ledger ? { statedAt: ledger.statedAt, restate: ledger.restate } : null,
  };
}

/** What is ahead of an account, from its forecast (history) and what its provider says of the period. */
export function outlookOf(snapshot: Snapshot | null, forecast: Forecast | null): StatusOutlook {
  const resetsAt = snapshot?.extras.resetsAt ?? snapshot?.extras.period?.end ?? null;
  return {
    runwayDays: forecast?.daysLeft ?? null,
    emptyAt: forecast?.emptyAt ?? null,
    burnPerDay: forecast?.burnPerDay ?? null,
    resetsAt,
    quotaPercentAtReset: forecast?.quotaPercentAtEnd ?? null,
  };
}

/** The status as JSON output prints it, its problem made text in the language of whoever reads the output. */
export function spokenStatus(
  { say }: Translator,
  status: AccountStatus,
  outlook: StatusOutlook,
): PrintedStatus {
  return {
    ...status,
    error: status.error ? { kind: status.error.kind, message: say(status.error.message) } : null,
    reason: status.reason ? say(status.reason) : null,
    estimated: status.ledger !== null && status.remaining !== null,
    outlook,
  };
}

import type { AlertThresholds } from '../../../shared/config';
import { ERROR_KINDS } from '../../../shared/error-kinds';
import { worseLevel, worstQuota } from '../../../shared/format';
import { ownWord } from '../../../shared/i18n/own-words';
import { RESTATE_AFTER_DAYS } from '../../../shared/ledger';
import { type Message, message } from '../../../shared/message';
import type { Level, ProviderError, Snapshot } from '../../../shared/model';
import {
  balanceThresholds,
  levelFor,
  quotaThresholds,
  runwayJudges,
  runwayThresholds,
} from '../../../shared/thresholds';
import type { Forecast } from './forecast';

/**
 * How old a value may be and still count as current: six poll intervals, and never less than an hour (so a
 * provider that is down for a few polls does not turn every account unknown at once).
 */
export function staleLimitMs(pollSeconds: number): number {
  return Math.max(3_600_000, 6 * pollSeconds * 1000);
}

/** Whether the value shown is current: there is one, no lasting error stands beside it, and it is young enough. */
export function isCurrent(
  snapshot: Snapshot | null,
  error: ProviderError | null,
  now: Date,
  limitMs: number,
): boolean {
  if (!snapshot || (error && ERROR_KINDS[error.kind].lasting)) return false;
  return now.getTime() - Date.parse(snapshot.fetchedAt) <= limitMs;
}

/**
 * How worried a person should be about one account. Out of credit (or a payment error) is `empty`; thresholds give
 * `warning`/`critical`; no data at all is `unknown`. A stale snapshot still counts: its numbers are the best we know.
 */
export function levelOf(
  snapshot: Snapshot | null,
  error: ProviderError | null,
  alerts: AlertThresholds = {},
  current = true,
  outlook: Outlook = NO_OUTLOOK,
): Level {
  const level = [runwayLevel(snapshot, alerts, outlook.daysLeft), quotaEndLevel(snapshot, outlook)].reduce(
    worseLevel,
    thresholdLevel(snapshot, error, alerts),
  );
  // A value that is not current may still show, but never as "ok": nothing current says it is.
  return current ? level : worseLevel(level, 'unknown');
}

function thresholdLevel(
  snapshot: Snapshot | null,
  error: ProviderError | null,
  alerts: AlertThresholds,
): Level {
  if (error?.kind === 'payment') return 'empty';
  if (!snapshot) return 'unknown';
  // An estimate below zero while the vendor still reports costs is a top-up not written down, not an empty
  // account: the person is asked to state the balance again.
  let level: Level =
    snapshot.extras.ledger?.restate === 'negative'
      ? 'warning'
      : snapshot.remaining === null
        ? 'ok'
        : levelFor(balanceThresholds(alerts), snapshot.remaining);
  const quotas = quotaThresholds(alerts);
  for (const quota of snapshot.quotas) level = worseLevel(level, levelFor(quotas, quota.percentUsed));
  return level;
}

/** A quota's name as a message carries it: our own words in the reader's language, a provider's as written. */
function quotaNameSaid(name: string): Message | string {
  const own = ownWord(name);
  return own ? message(own) : name;
}

/** What the monitor last forecast for the account: the levels look ahead as well as at now. */
export type Outlook = Pick<Forecast, 'daysLeft' | 'quotaPercentAtEnd'>;
const NO_OUTLOOK: Outlook = { daysLeft: null, quotaPercentAtEnd: null };

/**
 * A quota on course to pass its limit before the period ends needs the person now (a throttle or an overage is
 * coming), whatever it has used so far: a warning.
 */
function quotaEndLevel(snapshot: Snapshot | null, outlook: Outlook): Level {
  if (!snapshot || snapshot.quotas.length === 0 || outlook.quotaPercentAtEnd === null) return 'ok';
  return outlook.quotaPercentAtEnd >= 100 ? 'warning' : 'ok';
}

/** The level a balance's runway gives when no level of the person's own judges it (runwayJudges); else ok. */
function runwayLevel(snapshot: Snapshot | null, alerts: AlertThresholds, daysLeft: number | null): Level {
  if (!snapshot || daysLeft === null || !runwayJudges(alerts, snapshot.remaining)) return 'ok';
  return levelFor(runwayThresholds(alerts), daysLeft);
}

/**
 * Why an account is above ok, as a person reads it in the CLI's problem column and the API: the level it passed
 * and at what, or the quota that is fullest. Null when it is ok, or when its error already says why.
 */
export function levelReason(
  snapshot: Snapshot | null,
  error: ProviderError | null,
  alerts: AlertThresholds = {},
  outlook: Outlook = NO_OUTLOOK,
): Message | null {
  const { daysLeft } = outlook;
  if (error?.kind === 'payment') return message('reason.payment');
  if (!snapshot) return null;
  const ledger = snapshot.extras.ledger;
  if (ledger?.statedAt === null) return message('reason.balanceNotStated');
  if (ledger?.restate === 'negative') return message('reason.restateNegative');
  if (snapshot.remaining !== null) {
    const unit = snapshot.unit ?? 'credits';
    const thresholds = balanceThresholds(alerts);
    const level = levelFor(thresholds, snapshot.remaining);
    const passed = thresholds.find((th) => th.level === level);
    if (level === 'empty') return message('reason.noCredit');
    if (passed)
      return message(level === 'critical' ? 'reason.belowCritical' : 'reason.belowWarning', {
        value: { amount: passed.value, unit },
      });
  }
  if (daysLeft !== null && runwayLevel(snapshot, alerts, daysLeft) !== 'ok')
    return message('reason.runway', { days: { days: daysLeft } });
  const quotas = quotaThresholds(alerts);
  const fullest = worstQuota(snapshot);
  if (fullest && levelFor(quotas, fullest.percentUsed) !== 'ok')
    return message('reason.quota', {
      name: quotaNameSaid(fullest.name),
      percent: { amount: fullest.percentUsed },
    });
  if (quotaEndLevel(snapshot, outlook) !== 'ok')
    return message('reason.quotaAtEnd', { percent: { amount: outlook.quotaPercentAtEnd ?? 0 } });
  if (ledger?.restate === 'old') return message('reason.restateOld', { days: RESTATE_AFTER_DAYS });
  return null;
}

/**
 * Monitoring-plugin exit codes, by the plugin convention's order of precedence: critical (2) outranks unknown
 * (3), which outranks warning (1) and ok (0). An account whose value is not current counts as unknown unless what
 * it shows is critical or empty.
 */
const PRECEDENCE = [0, 1, 3, 2];

function exitCodeOf(account: { level: Level; current: boolean }): number {
  if (account.level === 'critical' || account.level === 'empty') return 2;
  if (account.level === 'unknown' || !account.current) return 3;
  return account.level === 'warning' ? 1 : 0;
}

export function exitCodeFor(accounts: readonly { level: Level; current: boolean }[]): number {
  return accounts
    .map(exitCodeOf)
    .reduce((worst, code) => (PRECEDENCE.indexOf(code) > PRECEDENCE.indexOf(worst) ? code : worst), 0);
}

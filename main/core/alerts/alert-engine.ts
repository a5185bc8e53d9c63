import { type AlertIntent, type AlertKind, HeldAlert, type Severity } from '../../../shared/alerts';
import type { Account, Settings } from '../../../shared/config';
import { severityRank } from '../../../shared/format';
import { RESTATE_AFTER_DAYS } from '../../../shared/ledger';
import { type Message, message } from '../../../shared/message';
import type { ProviderError, Snapshot } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';
import {
  balanceThresholds,
  cleared,
  levelFor,
  quotaThresholds,
  runwayJudges,
  runwayThresholds,
  type Threshold,
} from '../../../shared/thresholds';
import { z } from '../../../shared/zod';
import type { SpendSpike } from './spend-spike';

export const KEY_REJECTED_AFTER = 2;

const AlertLevel = z.enum(['ok', 'warning', 'critical', 'empty']);
type AlertLevel = z.infer<typeof AlertLevel>;
const RANK: Record<AlertLevel, number> = {
  ok: severityRank('ok'),
  warning: severityRank('warning'),
  critical: severityRank('critical'),
  empty: severityRank('empty'),
};

export const AccountAlertState = z.object({
  /** The level each dimension last alerted at; it only falls back past the re-arm margin. */
  balance: AlertLevel,
  quota: AlertLevel,
  runway: AlertLevel,
  authFailures: z.int().check(z.nonnegative()),
  keyAlerted: z.boolean(),
  /** The UTC day a spend spike was last said: once a day at most; absent in older files. */
  spikeDay: z.optional(z.nullable(z.string())),
  /** A ledger account was asked to state its balance again (once, until it does); absent in older files. */
  restateAsked: z.optional(z.boolean()),
  snoozedUntil: z.nullable(z.iso.datetime({ offset: true })),
});
export type AccountAlertState = z.infer<typeof AccountAlertState>;

export const AlertState = z.object({
  version: z.literal(1),
  accounts: z.record(z.string(), AccountAlertState),
  /** Alerts raised during quiet hours, delivered as one summary when they end. */
  held: z.array(HeldAlert),
});
export type AlertState = z.infer<typeof AlertState>;

export const EMPTY_ALERT_STATE: AlertState = { version: 1, accounts: {}, held: [] };

export function freshAccountState(): AccountAlertState {
  return {
    balance: 'ok',
    quota: 'ok',
    runway: 'ok',
    authFailures: 0,
    keyAlerted: false,
    restateAsked: false,
    spikeDay: null,
    snoozedUntil: null,
  };
}

/**
 * The new level of one dimension: the worst level breached, but never better than the previous level allows (a
 * level is left only once its value is cleared, past the re-arm margin).
 */
export function stickyLevel(
  previous: AlertLevel,
  thresholds: readonly Threshold[],
  value: number | null,
): AlertLevel {
  if (value === null) return previous;
  const raw = levelFor(thresholds, value);
  if (RANK[raw] >= RANK[previous]) return raw;
  const held = [...thresholds]
    .sort((a, b) => RANK[b.level] - RANK[a.level])
    .find((th) => RANK[th.level] <= RANK[previous] && RANK[th.level] > RANK[raw] && !cleared(th, value));
  return held?.level ?? raw;
}

export interface EvaluateInput {
  account: Account;
  /** A fresh snapshot from this poll, or null when the poll failed. */
  snapshot: Snapshot | null;
  error: ProviderError | null;
  daysLeft: number | null;
  burnPerDay: number | null;
  /** Today's spend, when it is a spike and the person asked to hear of spikes (Settings). */
  spike?: SpendSpike | null;
  now: Date;
}

function severityOf(level: AlertLevel): Severity {
  return level === 'warning' ? 'warning' : level === 'ok' ? 'info' : 'critical';
}

function describe(
  account: Account,
  kind: AlertKind,
  level: AlertLevel,
  snapshot: Snapshot | null,
  input: EvaluateInput,
): { title: Message; body: Message } {
  const name = account.label;
  // Amounts and days go as numbers: they are written when the alert is shown, in the reader's language.
  const left =
    snapshot?.remaining != null ? { amount: snapshot.remaining, unit: snapshot.unit ?? 'credits' } : null;
  const a = account.alerts ?? {};
  const pace = input.burnPerDay ? message('alert.pace', { burn: { amount: input.burnPerDay } }) : '';
  switch (kind) {
    case 'empty':
      return {
        title: message('alert.emptyTitle', { name }),
        body: left ? message('alert.emptyBody', { left }) : message('alert.paymentBody'),
      };
    case 'low': {
      const threshold = level === 'critical' ? a.criticalBelow : a.warnBelow;
      return {
        title: message(level === 'critical' ? 'alert.criticalTitle' : 'alert.warningTitle', { name }),
        body: message(level === 'critical' ? 'alert.lowBodyCritical' : 'alert.lowBodyWarning', {
          left: left ?? '',
          threshold: { amount: threshold ?? 0 },
          lasts:
            input.daysLeft !== null ? message('alert.lasts', { days: { days: input.daysLeft }, pace }) : '',
        }),
      };
    }
    case 'runway':
      return {
        title: message('alert.runwayTitle', { name, days: { days: input.daysLeft ?? 0 } }),
        body: message('alert.runwayBody', { left: left ?? '', pace }),
      };
    case 'quota': {
      const worst = [...(snapshot?.quotas ?? [])].sort((x, y) => y.percentUsed - x.percentUsed)[0];
      return {
        title: message('alert.quotaTitle', {
          name,
          quota: worst?.name ?? message('alert.quotaFallback'),
          percent: { amount: worst?.percentUsed ?? 0 },
        }),
        body: worst
          ? message('alert.quotaBody', {
              used: { amount: worst.used },
              included: { amount: worst.included },
              unit: worst.unit,
            })
          : message('alert.quotaNearly'),
      };
    }
    case 'recovered':
      return {
        title: message('alert.recoveredTitle', { name }),
        body: left ? message('alert.recoveredBody', { left }) : message('alert.recoveredQuotas'),
      };
    case 'spend_spike':
      return {
        title: message('alert.spikeTitle', { name }),
        body: message('alert.spikeBody', {
          spent: { amount: input.spike?.spent ?? 0, unit: snapshot?.unit ?? 'credits' },
          usual: { amount: input.spike?.median ?? 0, unit: snapshot?.unit ?? 'credits' },
        }),
      };
    case 'restate':
      return {
        title: message('alert.restateTitle', { name }),
        body: message(
          snapshot?.extras.ledger?.restate === 'negative' ? 'reason.restateNegative' : 'reason.restateOld',
          { days: RESTATE_AFTER_DAYS },
        ),
      };
    case 'key_rejected':
      return {
        title: message('alert.keyTitle', { name }),
        body: message('alert.keyBody', { provider: PROVIDERS[account.provider].displayName }),
      };
    default:
      return {
        title: message('text.asIs', { text: name }),
        body: message('text.asIs', { text: '' }),
      };
  }
}

/**
 * Decides which alerts one poll raises. Pure: the previous state in, the next state and the intents out. Each
 * dimension (balance, quota, runway) alerts once when it gets worse; coming back to ok everywhere gives one
 * "recovered". A poll that worsens several dimensions at once raises only the most severe.
 */
export function evaluateAccount(
  previous: AccountAlertState | undefined,
  input: EvaluateInput,
): { state: AccountAlertState; intents: AlertIntent[] } {
  const prev = previous ?? freshAccountState();
  const { account, snapshot, error } = input;
  const next: AccountAlertState = { ...prev };
  const intents: AlertIntent[] = [];
  const intent = (kind: AlertKind, level: AlertLevel) =>
    intents.push({
      accountId: account.id,
      kind,
      severity: severityOf(level),
      ...describe(account, kind, level, snapshot, input),
    });

  if (error?.kind === 'auth') {
    next.authFailures = prev.authFailures + 1;
    if (next.authFailures >= KEY_REJECTED_AFTER && !prev.keyAlerted) {
      next.keyAlerted = true;
      intent('key_rejected', 'critical');
    }
  } else if (snapshot) {
    next.authFailures = 0;
    next.keyAlerted = false;
  }

  if (error?.kind === 'payment') {
    next.balance = 'empty';
  } else if (snapshot) {
    const restate = snapshot.extras.ledger?.restate ?? null;
    // An estimate below zero while the vendor still answers is a missed top-up, not an empty account: it asks
    // for the balance (once), and the balance's own levels wait for a balance to judge.
    next.balance = stickyLevel(
      prev.balance,
      balanceThresholds(account.alerts),
      restate === 'negative' ? null : snapshot.remaining,
    );
    next.restateAsked = restate !== null;
    if (restate !== null && !prev.restateAsked) intent('restate', 'warning');
    const today = input.now.toISOString().slice(0, 10);
    if (input.spike && prev.spikeDay !== today) {
      next.spikeDay = today;
      intent('spend_spike', 'warning');
    }
    const percents = snapshot.quotas.map((q) => q.percentUsed);
    next.quota = stickyLevel(
      prev.quota,
      quotaThresholds(account.alerts),
      percents.length ? Math.max(...percents) : null,
    );
    next.runway = runwayJudges(account.alerts, snapshot.remaining)
      ? stickyLevel(prev.runway, runwayThresholds(account.alerts), input.daysLeft ?? Number.POSITIVE_INFINITY)
      : 'ok';
  }

  const escalations: { kind: AlertKind; level: AlertLevel }[] = [];
  if (RANK[next.balance] > RANK[prev.balance])
    escalations.push({ kind: next.balance === 'empty' ? 'empty' : 'low', level: next.balance });
  if (RANK[next.quota] > RANK[prev.quota]) escalations.push({ kind: 'quota', level: next.quota });
  if (RANK[next.runway] > RANK[prev.runway]) escalations.push({ kind: 'runway', level: next.runway });
  const worst = escalations.sort((x, y) => RANK[y.level] - RANK[x.level])[0];
  if (worst) intent(worst.kind, worst.level);

  const wasAlerting = prev.balance !== 'ok' || prev.quota !== 'ok' || prev.runway !== 'ok';
  const nowOk = next.balance === 'ok' && next.quota === 'ok' && next.runway === 'ok';
  if (wasAlerting && nowOk) intent('recovered', 'ok');
  return { state: next, intents };
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Quiet hours in local time; a window may cross midnight (22:00 to 07:00). */
export function inQuietHours(now: Date, settings: Settings | undefined): boolean {
  const quiet = settings?.quietHours;
  if (!quiet) return false;
  const minute = now.getHours() * 60 + now.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** ms from `now` until the current quiet hours end; null outside quiet hours. */
export function msUntilQuietEnd(now: Date, settings: Settings | undefined): number | null {
  const quiet = settings?.quietHours;
  if (!quiet || !inQuietHours(now, settings)) return null;
  const end = new Date(now);
  end.setHours(0, minutesOf(quiet.end), 0, 0);
  if (end.getTime() <= now.getTime()) end.setDate(end.getDate() + 1);
  return end.getTime() - now.getTime();
}

/**
 * Routes intents: dropped while the account is snoozed, held during quiet hours, and once quiet hours are over
 * the held ones come out as a single summary.
 */
export function deliver(
  state: AlertState,
  intents: readonly AlertIntent[],
  now: Date,
  settings: Settings | undefined,
): { state: AlertState; deliver: AlertIntent[] } {
  const awake = intents.filter((i) => {
    const until = i.accountId ? state.accounts[i.accountId]?.snoozedUntil : null;
    return !until || Date.parse(until) <= now.getTime();
  });
  if (inQuietHours(now, settings))
    return { state: { ...state, held: [...state.held, ...awake] }, deliver: [] };
  if (state.held.length === 0) return { state, deliver: awake };
  const held = state.held;
  const summary: AlertIntent = {
    accountId: null,
    kind: 'summary',
    severity: held.some((h) => h.severity === 'critical') ? 'critical' : 'warning',
    title: message('alert.quietTitle', { count: held.length }),
    // Each held alert's title on its own line, said with the summary, so it never mixes languages.
    body: message('alert.quietBody', { titles: { lines: held.map((h) => h.title) } }),
  };
  return { state: { ...state, held: [] }, deliver: [summary, ...awake] };
}

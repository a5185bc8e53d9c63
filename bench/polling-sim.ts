import { type AccountAlertState, evaluateAccount } from '../main/core/alerts/alert-engine';
import { OUTLOOK_WINDOW_MS, outlookFor } from '../main/core/alerts/outlook';
import { decideNextPoll, nextLimitFloorMs } from '../main/core/monitor/poll-policy';
import { compactPoints } from '../main/core/store/history';
import { DEFAULT_CRITICAL_PERCENT, DEFAULT_WARN_PERCENT } from '../shared/alert-defaults';
import type { Account } from '../shared/config';
import { message } from '../shared/message';
import type { Snapshot } from '../shared/model';
import { PointSeries } from '../shared/point-series';
import { PROVIDERS } from '../shared/providers';
import { REARM_MARGIN } from '../shared/thresholds';
import { DAY, HOUR, MINUTE, seeded, type Trace } from './traces';

/** A polling policy: given what the last request saw, when to send the next one. */
interface Policy {
  name: string;
  /** Only Creditbar reads its own history (for the forecast); the baselines keep none. */
  usesHistory: boolean;
  next(t: number, outcome: Outcome, state: PolicyState): number;
}

interface Outcome {
  snapshot: Snapshot | null;
  retryAfterSeconds: number | null;
}

interface PolicyState {
  account: Account;
  /** What the last 429s taught the scheduler (see nextLimitFloorMs). */
  limitFloorMs: number;
  lastLimitedAt: number | null;
  /** Creditbar's longest wait: what the Monitor uses for an account with no pollSeconds of its own. */
  ceilingSeconds: number;
  history: PointSeries;
  failures: number;
  random: () => number;
}

const WALL_START = Date.parse('2026-11-01T00:00:00Z');

/**
 * Creditbar's own scheduler: the same pure functions the Monitor calls. `margin` and `ceilingSeconds` are its
 * settings, swept for the plot; the defaults are what the app uses.
 */
export function creditbarPolicy(
  name = 'Creditbar (adaptive)',
  settings: { margin?: number; ceilingSeconds?: number } = {},
): Policy {
  return {
    name,
    usesHistory: true,
    next(t, outcome, state) {
      const now = WALL_START + t;
      const outlook = outcome.snapshot
        ? outlookFor(state.account, outcome.snapshot, state.history.since(now - OUTLOOK_WINDOW_MS), now)
        : null;
      if (!outcome.snapshot) state.lastLimitedAt = t;
      state.limitFloorMs = nextLimitFloorMs(
        state.limitFloorMs,
        !outcome.snapshot,
        state.lastLimitedAt === null ? null : t - state.lastLimitedAt,
      );
      const decision = decideNextPoll({
        error: outcome.snapshot
          ? null
          : {
              kind: 'rate_limited',
              ...(outcome.retryAfterSeconds !== null ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
            },
        failures: state.failures,
        pollSeconds: settings.ceilingSeconds ?? state.ceilingSeconds,
        adaptive: true,
        ...(settings.margin !== undefined ? { margin: settings.margin } : {}),
        limitFloorMs: state.limitFloorMs,
        risks: outlook?.risks ?? [],
        msSinceChange: outlook?.msSinceChange ?? null,
        random: state.random(),
      });
      state.failures = decision.failures;
      return decision.kind === 'poll' ? t + decision.delayMs : Number.POSITIVE_INFINITY;
    },
  };
}

const fixed = (name: string, ms: number): Policy => ({ name, usesHistory: false, next: (t) => t + ms });

/** CodexBar's published cadence: by how recently the menu was opened (here at 09:00, 13:00 and 18:00 daily). */
const codexBar: Policy = {
  name: 'CodexBar (menu-based)',
  usesHistory: false,
  next(t) {
    const hour = (t % DAY) / HOUR;
    const opens = [9, 13, 18].map((h) => (hour >= h ? h : h - 24));
    const since = (hour - Math.max(...opens)) * HOUR;
    const interval =
      since < 5 * MINUTE
        ? 2 * MINUTE
        : since < HOUR
          ? 5 * MINUTE
          : since < 4 * HOUR
            ? 15 * MINUTE
            : 30 * MINUTE;
    return t + interval;
  },
};

export const POLICIES: Policy[] = [
  creditbarPolicy(),
  fixed('fixed 60 s', MINUTE),
  fixed('fixed 5 min', 5 * MINUTE),
  codexBar,
];

type Severity = 'warning' | 'critical' | 'empty';
const SEVERITY_RANK: Record<Severity, number> = { warning: 1, critical: 2, empty: 3 };

/** Every moment a level is truly crossed, at one-minute resolution, with the same re-arm margin as the alerts. */
export function trueCrossings(trace: Trace): { at: number; severity: Severity }[] {
  const a = trace.account.alerts ?? {};
  const rules: { severity: Severity; breached: (v: number) => boolean; cleared: (v: number) => boolean }[] =
    trace.balance(0) !== null
      ? [
          { severity: 'empty', breached: (v) => v <= 0, cleared: (v) => v > 0 },
          ...(a.criticalBelow !== undefined ? [rule('critical', a.criticalBelow, 'below')] : []),
          ...(a.warnBelow !== undefined ? [rule('warning', a.warnBelow, 'below')] : []),
        ]
      : [
          rule('critical', a.criticalPercent ?? DEFAULT_CRITICAL_PERCENT, 'above'),
          rule('warning', a.warnPercent ?? DEFAULT_WARN_PERCENT, 'above'),
        ];
  const armed = new Map(rules.map((r) => [r.severity, true]));
  const crossings: { at: number; severity: Severity }[] = [];
  for (let t = 0; t <= trace.days * DAY; t += MINUTE) {
    const value = trace.balance(t) ?? trace.percent(t) ?? 0;
    for (const r of rules) {
      if (armed.get(r.severity) && r.breached(value)) {
        armed.set(r.severity, false);
        crossings.push({ at: t, severity: r.severity });
      } else if (!armed.get(r.severity) && r.cleared(value)) armed.set(r.severity, true);
    }
  }
  return crossings;
}

function rule(severity: Severity, threshold: number, side: 'below' | 'above') {
  const margin = REARM_MARGIN * Math.abs(threshold);
  return side === 'below'
    ? { severity, breached: (v: number) => v < threshold, cleared: (v: number) => v >= threshold + margin }
    : { severity, breached: (v: number) => v >= threshold, cleared: (v: number) => v < threshold - margin };
}

export interface PolicyResult {
  policy: string;
  trace: string;
  requests: number;
  requestsPerDay: number;
  /** Minutes from each true crossing to the alert that reported it (missed ones count to the trace's end). */
  delaysMinutes: number[];
  missed: number;
  repeats: number;
  duringRetryAfter: number;
}

function snapshotAt(trace: Trace, t: number): Snapshot {
  const remaining = trace.balance(t);
  const percent = trace.percent(t);
  return {
    remaining,
    unit: remaining !== null ? 'credits' : null,
    quotas:
      percent !== null
        ? [
            {
              metric: 'apiCalls',
              name: 'API calls',
              used: percent * 1000,
              included: 100_000,
              unit: 'requests',
              percentUsed: percent,
            },
          ]
        : [],
    usedThisPeriod: null,
    usage: [],
    fetchedAt: new Date(WALL_START + t).toISOString(),
    extras: {},
  };
}

/** Replays one trace through one policy and the real alert engine; only the request times differ by policy. */
export function simulate(trace: Trace, policy: Policy, seed: number): PolicyResult {
  const state: PolicyState = {
    account: trace.account,
    limitFloorMs: 0,
    lastLimitedAt: null,
    ceilingSeconds: trace.account.pollSeconds ?? PROVIDERS[trace.account.provider].defaultPollSeconds,
    history: PointSeries.empty(),
    failures: 0,
    random: seeded(seed),
  };
  const end = trace.days * DAY;
  let alertState: AccountAlertState | undefined;
  const alerts: { at: number; severity: Severity }[] = [];
  let requests = 0;
  let duringRetryAfter = 0;
  let blockedUntil = -1;
  const rateLimit = trace.newRateLimiter?.() ?? ((at: number) => trace.rateLimitedUntil(at));
  // The first request goes out at a random moment of the first five minutes, like a real start.
  let t = Math.floor(seeded(seed + 1)() * 5 * MINUTE);
  while (t <= end) {
    requests++;
    if (t < blockedUntil) duringRetryAfter++;
    const limitedUntil = rateLimit(t);
    let outcome: Outcome;
    if (limitedUntil !== null) {
      blockedUntil = limitedUntil;
      outcome = { snapshot: null, retryAfterSeconds: Math.ceil((limitedUntil - t) / 1000) };
    } else {
      const snapshot = snapshotAt(trace, t);
      if (policy.usesHistory)
        state.history.insert({
          t: WALL_START + t,
          remaining: snapshot.remaining,
          used: null,
          maxPercent: snapshot.quotas[0]?.percentUsed ?? null,
        });
      if (state.history.length % 2000 === 0) state.history = compactPoints(state.history, WALL_START + t);
      outcome = { snapshot, retryAfterSeconds: null };
    }
    // The traces set absolute levels, so the alert engine's answer does not depend on the forecast: every policy
    // feeds it the same input at its own request times.
    const result = evaluateAccount(alertState, {
      account: trace.account,
      snapshot: outcome.snapshot,
      error: outcome.snapshot ? null : { kind: 'rate_limited', message: message('http.429') },
      daysLeft: null,
      burnPerDay: null,
      now: new Date(WALL_START + t),
    });
    alertState = result.state;
    for (const intent of result.intents) {
      if (intent.kind === 'low' || intent.kind === 'empty' || intent.kind === 'quota') {
        alerts.push({ at: t, severity: intent.kind === 'empty' ? 'empty' : (intent.severity as Severity) });
      }
    }
    state.failures = outcome.snapshot ? 0 : state.failures;
    t = policy.next(t, outcome, state);
  }
  const crossings = trueCrossings(trace);
  const delays: number[] = [];
  let missed = 0;
  let used = 0;
  for (const crossing of crossings) {
    // An alert of this severity or worse, after the crossing, reports it.
    const report = alerts.find(
      (a) => a.at >= crossing.at && SEVERITY_RANK[a.severity] >= SEVERITY_RANK[crossing.severity],
    );
    if (report) delays.push((report.at - crossing.at) / MINUTE);
    else {
      missed++;
      delays.push((end - crossing.at) / MINUTE);
    }
  }
  for (const severity of Object.keys(SEVERITY_RANK) as Severity[]) {
    used += Math.max(
      0,
      alerts.filter((a) => a.severity === severity).length -
        crossings.filter((c) => c.severity === severity).length,
    );
  }
  return {
    policy: policy.name,
    trace: trace.name,
    requests,
    requestsPerDay: requests / trace.days,
    delaysMinutes: delays,
    missed,
    repeats: used,
    duringRetryAfter,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

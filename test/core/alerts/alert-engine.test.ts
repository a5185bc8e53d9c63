import { describe, expect, it } from 'vitest';
import {
  type AccountAlertState,
  AlertState,
  deliver,
  EMPTY_ALERT_STATE,
  evaluateAccount,
  inQuietHours,
  msUntilQuietEnd,
} from '../../../main/core/alerts/alert-engine';
import { withLedger } from '../../../main/core/ledger/ledger-snapshot';
import type { AlertIntent } from '../../../shared/alerts';
import type { Account, Settings } from '../../../shared/config';
import { translatorFor } from '../../../shared/i18n/catalogs';
import type { ErrorKind, Snapshot } from '../../../shared/model';
import { say } from '../../support/english';
import { asIs } from '../../support/said';

const account: Account = {
  id: 'research',
  provider: 'happenstance',
  label: 'Research',
  alerts: { warnBelow: 500, criticalBelow: 100 },
};

const NOW = '2026-11-22T12:00:00.000Z';

const snap = (remaining: number | null, percent?: number): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas:
    percent === undefined
      ? []
      : [
          {
            metric: 'api',
            name: 'API calls',
            used: percent * 1000,
            included: 100_000,
            unit: 'requests',
            percentUsed: percent,
          },
        ],
  usedThisPeriod: null,
  usage: [],
  fetchedAt: '2026-11-22T12:00:00.000Z',
  extras: {},
});

type Step =
  | number
  | { error: ErrorKind }
  | { percent: number }
  | { days: number; remaining: number }
  | 'restart';

/** Runs polls through the engine (state persisted as JSON across "restarts") and lists the alerts in order. */
function run(steps: Step[], acct: Account = account): string[] {
  let stored = '';
  let state: AccountAlertState | undefined;
  const out: string[] = [];
  for (const step of steps) {
    if (step === 'restart') {
      state = JSON.parse(stored) as AccountAlertState;
      continue;
    }
    const input =
      typeof step === 'number'
        ? { snapshot: snap(step), error: null, daysLeft: null }
        : 'error' in step
          ? { snapshot: null, error: { kind: step.error, message: asIs('x') }, daysLeft: null }
          : 'percent' in step
            ? { snapshot: snap(null, step.percent), error: null, daysLeft: null }
            : { snapshot: snap(step.remaining), error: null, daysLeft: step.days };
    const result = evaluateAccount(state, {
      account: acct,
      ...input,
      burnPerDay: null,
      now: new Date('2026-11-22T12:00:00Z'),
    });
    state = result.state;
    stored = JSON.stringify(state);
    out.push(...result.intents.map((i) => `${i.kind}:${i.severity}`));
  }
  return out;
}

describe('alert engine', () => {
  it.each<[string, Step[], string[]]>([
    ['plenty of credit: nothing', [2000, 1900, 1800], []],
    [
      'a steady fall crosses warning then critical, once each',
      [800, 600, 499, 450, 300, 99, 50, 20],
      ['low:warning', 'low:critical'],
    ],
    ['a fall straight past both levels gives only the most severe', [800, 50, 40], ['low:critical']],
    ['running out gives empty', [800, 50, 0, -4], ['low:critical', 'empty:critical']],
    [
      'flapping around the warning level alerts once',
      [600, 499, 501, 498, 520, 490, 549, 480],
      ['low:warning'],
    ],
    [
      'it re-arms only past the 10 % margin',
      [600, 499, 551, 499],
      ['low:warning', 'recovered:info', 'low:warning'],
    ],
    [
      'a top-up above every level gives one recovered',
      [600, 90, 40, 5000, 4900],
      ['low:critical', 'recovered:info'],
    ],
    ['a partial top-up from critical to warning is not a new alert', [600, 90, 300, 280], ['low:critical']],
    [
      'falling again after a partial recovery alerts again',
      [600, 90, 300, 120, 90],
      ['low:critical', 'low:critical'],
    ],
    ['a restart between two polls repeats nothing', [600, 450, 'restart', 440, 430], ['low:warning']],
    [
      'a restart does not miss a crossing that happened meanwhile',
      [600, 450, 'restart', 50],
      ['low:warning', 'low:critical'],
    ],
    ['payment required is empty', [600, { error: 'payment' }, { error: 'payment' }], ['empty:critical']],
    [
      'errors other than auth and payment change nothing',
      [450, { error: 'server' }, { error: 'timeout' }, 440],
      ['low:warning'],
    ],
    [
      'one rejected key is a blip; two in a row alert once',
      [600, { error: 'auth' }, 600, { error: 'auth' }],
      [],
    ],
    [
      'two rejected keys in a row alert, once',
      [600, { error: 'auth' }, { error: 'auth' }, { error: 'auth' }],
      ['key_rejected:critical'],
    ],
    [
      'a working key re-arms the key alert',
      [{ error: 'auth' }, { error: 'auth' }, 600, { error: 'auth' }, { error: 'auth' }],
      ['key_rejected:critical', 'key_rejected:critical'],
    ],
  ])('%s', (_name, steps, expected) => {
    expect(run(steps)).toEqual(expected);
  });

  it.each<[string, Step[], string[]]>([
    [
      'quota 80 % warns and 95 % is critical',
      [{ percent: 50 }, { percent: 81 }, { percent: 96 }],
      ['quota:warning', 'quota:critical'],
    ],
    [
      'quota flapping at 80 % alerts once',
      [{ percent: 79 }, { percent: 80 }, { percent: 79.5 }, { percent: 80.5 }],
      ['quota:warning'],
    ],
    [
      'quota reset at period start recovers',
      [{ percent: 90 }, { percent: 2 }],
      ['quota:warning', 'recovered:info'],
    ],
  ])('%s', (_name, steps, expected) => {
    expect(run(steps, { ...account, provider: 'metered-billing', alerts: {} })).toEqual(expected);
  });

  it.each<[string, Step[], string[]]>([
    [
      'runway under 7 days warns, under 2 is critical',
      [
        { days: 30, remaining: 900 },
        { days: 6, remaining: 180 },
        { days: 1.5, remaining: 45 },
      ],
      ['runway:warning', 'runway:critical'],
    ],
    ['unknown runway says nothing', [{ days: Number.NaN, remaining: 900 }], []],
  ])('with no absolute levels, %s', (_name, steps, expected) => {
    expect(run(steps, { ...account, alerts: {} })).toEqual(expected);
  });

  it('a ledger estimate that drifts asks for the balance once, and never says the account ran out', () => {
    const oa: Account = { id: 'oa', provider: 'openai', label: 'OpenAI' };
    const costs = (spent: string): Snapshot => ({
      ...snap(null),
      unit: 'USD',
      extras: { costDays: [{ day: '2026-11-22', amount: spent }] },
    });
    const stated = [
      { id: 'e0e0e0e0', kind: 'balance', amount: '10', at: '2026-11-22T00:00:00Z', recordedAt: NOW },
    ] as const;
    const poll = (state: AccountAlertState | undefined, spent: string) =>
      evaluateAccount(state, {
        account: oa,
        snapshot: withLedger(costs(spent), stated, new Date(NOW)),
        error: null,
        daysLeft: null,
        burnPerDay: null,
        now: new Date(NOW),
      });
    const first = poll(undefined, '4');
    expect(first.intents).toEqual([]);
    // $10 stated, $12.50 spent since while the vendor still answers: a top-up was missed.
    const drifted = poll(first.state, '12.5');
    expect(drifted.intents.map((i) => [i.kind, i.severity, say(i.title)])).toEqual([
      ['restate', 'warning', 'OpenAI: state the balance again'],
    ]);
    expect(say(drifted.intents[0]?.body ?? asIs(''))).toMatch(/a top-up was probably not entered/);
    // Asked once; a restart keeps it asked.
    const again = poll(JSON.parse(JSON.stringify(drifted.state)) as AccountAlertState, '13');
    expect(again.intents).toEqual([]);
  });

  it('runway stays quiet when the person set absolute levels', () => {
    expect(run([{ days: 1, remaining: 900 }])).toEqual([]);
  });

  it('texts are short, plain and name the account and the number', () => {
    const { intents } = evaluateAccount(undefined, {
      account,
      snapshot: snap(85),
      error: null,
      daysLeft: 2.2,
      burnPerDay: 38.5,
      now: new Date(),
    });
    expect(intents.map((i) => ({ ...i, title: say(i.title), body: say(i.body) }))).toEqual([
      {
        accountId: 'research',
        kind: 'low',
        severity: 'critical',
        title: 'Research is very low',
        body: '85 credits left, below your critical level of 100. Lasts about 2 days at 38.5/day.',
      },
    ]);
  });
});

describe('delivery: snooze and quiet hours', () => {
  const intent = (accountId: string, severity: AlertIntent['severity'] = 'warning'): AlertIntent => ({
    accountId,
    kind: 'low',
    severity,
    title: asIs(`${accountId} is running low`),
    body: asIs('x'),
  });
  const quiet: Settings = { quietHours: { start: '22:00', end: '07:00' } };
  const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00`);

  it.each([
    ['21:59', false],
    ['22:00', true],
    ['03:00', true],
    ['06:59', true],
    ['07:00', false],
  ])('quiet hours 22:00–07:00 at %s: %s', (time, expected) => {
    expect(inQuietHours(at(time), quiet)).toBe(expected);
  });

  it('knows how long quiet hours still last, across midnight', () => {
    expect(msUntilQuietEnd(at('23:00'), quiet)).toBe(8 * 3_600_000);
    expect(msUntilQuietEnd(at('06:30'), quiet)).toBe(30 * 60_000);
    expect(msUntilQuietEnd(at('12:00'), quiet)).toBeNull();
    expect(msUntilQuietEnd(at('23:00'), undefined)).toBeNull();
  });

  it('holds alerts in quiet hours and delivers them as one summary after', () => {
    let state = structuredClone(EMPTY_ALERT_STATE);
    let out = deliver(state, [intent('a')], at('23:00'), quiet);
    expect(out.deliver).toEqual([]);
    state = out.state;
    out = deliver(state, [intent('b', 'critical')], at('02:00'), quiet);
    expect(out.deliver).toEqual([]);
    // The held alerts survive a restart: they are part of the persisted state.
    state = AlertState.parse(JSON.parse(JSON.stringify(out.state)));
    out = deliver(state, [], at('07:05'), quiet);
    expect(out.deliver.map((i) => ({ ...i, title: say(i.title), body: say(i.body) }))).toEqual([
      {
        accountId: null,
        kind: 'summary',
        severity: 'critical',
        title: '2 alerts during quiet hours',
        body: 'a is running low\nb is running low',
      },
    ]);
    expect(deliver(out.state, [], at('07:10'), quiet).deliver).toEqual([]);
  });

  it('a summary held through a change of language is said whole in the language spoken when it comes', () => {
    const account: Account = {
      id: 'research',
      provider: 'happenstance',
      label: 'Research',
      alerts: { warnBelow: 100 },
    };
    // Raised while the app spoke English, at night.
    const raised = evaluateAccount(undefined, {
      account,
      snapshot: snap(85),
      error: null,
      daysLeft: null,
      burnPerDay: null,
      now: at('23:00'),
    }).intents;
    let out = deliver(structuredClone(EMPTY_ALERT_STATE), raised, at('23:00'), quiet);
    const kept = AlertState.parse(JSON.parse(JSON.stringify(out.state)));
    // The person switched to German before the morning.
    const german = translatorFor('de');
    out = deliver(kept, [], at('07:05'), quiet);
    const [summary] = out.deliver;
    expect(summary && german.say(summary.title)).toBe('1 Warnung während der Ruhezeiten');
    expect(summary && german.say(summary.body)).toBe('Research wird knapp');
  });

  it('held alerts an older version saved as text are read back and said as they are', () => {
    const older = {
      version: 1,
      accounts: {},
      held: [{ accountId: 'a', kind: 'low', severity: 'warning', title: 'a is running low', body: 'x' }],
    };
    const out = deliver(AlertState.parse(older), [], at('07:05'), quiet);
    expect(out.deliver.map((i) => say(i.body))).toEqual(['a is running low']);
  });

  it('a snoozed account gives no alert until the snooze ends', () => {
    const state = {
      ...structuredClone(EMPTY_ALERT_STATE),
      accounts: {
        a: {
          balance: 'ok' as const,
          quota: 'ok' as const,
          runway: 'ok' as const,
          authFailures: 0,
          keyAlerted: false,
          snoozedUntil: '2026-11-22T15:00:00.000Z',
        },
      },
    };
    expect(
      deliver(state, [intent('a'), intent('b')], new Date('2026-11-22T14:00:00Z'), undefined).deliver,
    ).toEqual([intent('b')]);
    expect(deliver(state, [intent('a')], new Date('2026-11-22T15:00:01Z'), undefined).deliver).toEqual([
      intent('a'),
    ]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelOf } from '../../../main/core/alerts/level';
import { AppFailure } from '../../../main/core/errors';
import { parseAnswer } from '../../../main/core/providers/adapter';
import { custom } from '../../../main/core/providers/custom/custom';
import { readAnswer } from '../../../main/core/providers/custom/read-answer';
import {
  anyErrorText,
  envelopeErrorText,
  problemDetailText,
  statusDetailText,
} from '../../../main/core/providers/error-text';
import { GenerectMe, GenerectUsage, generect } from '../../../main/core/providers/generect/generect';
import { HappenstanceUsage, happenstance } from '../../../main/core/providers/happenstance/happenstance';
import { KlaimPage, klaim } from '../../../main/core/providers/klaim/klaim';
import { MeteredUsage, meteredBilling } from '../../../main/core/providers/metered-billing/metered-billing';
import {
  RichCredits,
  RichLedgerPage,
  RichUsage,
  richutilities,
} from '../../../main/core/providers/richutilities/richutilities';
import { CustomEndpoint } from '../../../shared/config';
import { migrateEndpoint, pointerToExpression } from '../../../shared/config-migration';
import { say } from '../../../shared/i18n/say';
import { fixture } from '../../fakes/fake-server';
import { failureOf } from '../../support/failure';

const NOW = new Date('2026-11-22T12:00:00Z');
const _FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const used = new Set<string>();
/** A fixture, counted: every file under test/fixtures must be read by some test. */
function load<T = unknown>(provider: string, name: string): T {
  used.add(`${provider}/${name}`);
  return fixture<T>(provider, name);
}
const clone = <T>(value: T): T => structuredClone(value);

/** The answer is refused as `bad_response`, naming the field that drifted, never quoting the body. */
function expectDrift(run: () => unknown, field: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppFailure);
  expect((thrown as AppFailure).kind).toBe('bad_response');
  expect(say((thrown as AppFailure).said)).toContain(field);
}

describe('happenstance', () => {
  const answer = () => load<Record<string, unknown>>('happenstance', 'usage.json');

  it('the documented usage answer: balance, usage records, purchases, auto-reload', () => {
    const snapshot = happenstance.normalize(parseAnswer(HappenstanceUsage, answer(), 'answer.usage'), NOW);
    expect(snapshot.remaining).toBe(1840);
    expect(snapshot.unit).toBe('credits');
    expect(snapshot.usage).toHaveLength(3);
    expect(snapshot.extras.purchases).toHaveLength(2);
    expect(snapshot.extras.autoReload).toMatchObject({ enabled: expect.any(Boolean) });
  });

  it('a negative balance is read as it is (the API allows it)', () => {
    const body = { ...answer(), balance_credits: -12 };
    expect(happenstance.normalize(parseAnswer(HappenstanceUsage, body, 'answer.usage'), NOW).remaining).toBe(
      -12,
    );
  });

  it('drifted: a balance sent as a string is refused, naming the field', () => {
    expectDrift(
      () => parseAnswer(HappenstanceUsage, { ...answer(), balance_credits: '1840' }, 'answer.usage'),
      'balance_credits',
    );
  });

  it('its error body (RFC 7807) gives the detail', () => {
    expect(problemDetailText(load('happenstance', 'error-401.json'))).toBe('Invalid API key');
  });
});

describe('generect', () => {
  it('the documented account and usage answers: balance 5000, 1234 of 10000 used this month', () => {
    const me = parseAnswer(GenerectMe, load('generect', 'me.json'), 'answer.usage');
    const usage = GenerectUsage.parse(load('generect', 'usage.json'));
    const snapshot = generect.normalize({ me, usage }, NOW);
    expect(snapshot.remaining).toBe(5000);
    expect(snapshot.quotas).toEqual([
      expect.objectContaining({ used: 1234, included: 10000, percentUsed: 12.34 }),
    ]);
    expect(snapshot.extras.breakdown).toMatchObject({ search_database: 500, email_find: 134 });
  });

  it('without the usage answer the balance still stands', () => {
    const me = parseAnswer(GenerectMe, load('generect', 'me.json'), 'answer.usage');
    expect(generect.normalize({ me, usage: null }, NOW).remaining).toBe(5000);
  });

  it('drifted: credits moved out of data is refused, naming the field', () => {
    const me = clone(load<{ data: Record<string, unknown> }>('generect', 'me.json'));
    delete me.data.credits;
    expectDrift(() => parseAnswer(GenerectMe, me, 'answer.account'), 'credits');
  });

  it('its error body gives the detail', () => {
    expect(statusDetailText(load('generect', 'error-401.json'))).toBe(
      'Authentication credentials were not provided.',
    );
  });
});

describe('richutilities', () => {
  it('the documented credits, daily usage and ledger: available in its currency, top-ups from credits', () => {
    const credits = parseAnswer(RichCredits, load('richutilities', 'credits.json'), 'answer.usage');
    const usage = RichUsage.parse(load('richutilities', 'usage-daily.json'));
    const ledger = RichLedgerPage.parse(load('richutilities', 'ledger.json'));
    const snapshot = richutilities.normalize({ credits, usage, ledger, ledgerComplete: true }, NOW);
    expect(snapshot.remaining).toBe(120);
    expect(snapshot.unit).toBe('USD');
    expect(snapshot.usage.length).toBeGreaterThan(0);
    expect(snapshot.extras.autoReload).toMatchObject({
      enabled: true,
      thresholdCredits: 20,
      reloadAmount: 100,
    });
  });

  it('drifted: available sent as text is refused, naming the field', () => {
    const credits = { ...load<object>('richutilities', 'credits.json'), available: 'lots' };
    expectDrift(() => parseAnswer(RichCredits, credits, 'answer.creditBalance'), 'available');
  });
});

describe('klaim', () => {
  it('the documented usage page: the newest record gives the balance', () => {
    const page = parseAnswer(KlaimPage, load('klaim', 'usage-page.json'), 'answer.usagePage');
    const snapshot = klaim.normalize({ records: page.data, complete: page.lastKey == null }, NOW);
    expect(snapshot.remaining).toBe(706);
    expect(snapshot.extras.partial).toBe(true);
  });

  it('drifted: a record without its balance is refused, naming the field', () => {
    const page = clone(load<{ data: Record<string, unknown>[] }>('klaim', 'usage-page.json'));
    delete page.data[0]?.credit_balance;
    expectDrift(() => parseAnswer(KlaimPage, page, 'answer.usagePage'), 'credit_balance');
  });

  it('its 404 body says there is no such user', () => {
    expect(anyErrorText(load('klaim', 'error-404.json'))).toBe('Can not find user with the given user_id.');
  });
});

describe('metered-billing', () => {
  it('the documented usage answer: one quota per metric', () => {
    const snapshot = meteredBilling.normalize(
      parseAnswer(MeteredUsage, load('metered-billing', 'usage.json'), 'answer.usage'),
      NOW,
    );
    expect(snapshot.remaining).toBeNull();
    expect(snapshot.quotas.find((q) => q.metric === 'apiCalls')).toMatchObject({
      name: 'API Calls',
      used: 45230,
      included: 100000,
    });
  });

  it('a metric keyed __proto__ is read as plain data: at 99 % it is critical, like any other', () => {
    const body = JSON.parse(
      '{"success":true,"data":{"metrics":{"__proto__":{"name":"Calls","unit":"requests","included":100,"used":99,"overage":0,"percentage":99}}}}',
    );
    const snapshot = meteredBilling.normalize(parseAnswer(MeteredUsage, body, 'answer.usage'), NOW);
    expect(snapshot.quotas).toEqual([expect.objectContaining({ metric: '__proto__', percentUsed: 99 })]);
    expect(levelOf(snapshot, null)).toBe('critical');
    expect(({} as Record<string, unknown>).used).toBeUndefined();
  });

  it('drifted: metrics sent as text are refused, naming the field', () => {
    const body = clone(load<{ data: Record<string, unknown> }>('metered-billing', 'usage.json'));
    body.data.metrics = 'none';
    expectDrift(() => parseAnswer(MeteredUsage, body, 'answer.usage'), 'metrics');
  });

  it('its error envelope gives the message', () => {
    expect(envelopeErrorText(load('metered-billing', 'error-401.json'))).toBe('Authentication required');
  });
});

describe('custom', () => {
  // A version 1 account, read as today's: its pointers become the expressions that read the same values.
  const spec = CustomEndpoint.parse(
    migrateEndpoint(
      {
        url: 'https://api.example.com/me',
        remainingPointer: '/account/credits/left',
        limitPointer: '/account/credits/monthly',
      },
      [],
    ).endpoint,
  );

  const read = async (body: unknown) =>
    custom.normalize({ spec, readings: await readAnswer(body, spec, {}) }, NOW);

  it('a version 1 account reads what its pointers read, numbers sent as strings included', async () => {
    expect(spec).toMatchObject({
      remaining: '$number(account.credits.left)',
      limit: '$number(account.credits.monthly)',
    });
    const snapshot = await read(load('custom', 'answer.json'));
    expect(snapshot.remaining).toBe(412.5);
    expect(snapshot.quotas[0]).toMatchObject({ used: 87.5, included: 500 });
  });

  it.each([
    ['an array’s length', { arr: [1, 2, 3] }, '/arr/length'],
    ['an index past the end', { arr: [1] }, '/arr/1'],
    ['a prototype member', { a: {} }, '/a/constructor'],
    ['an index with a leading zero', { arr: [5, 6] }, '/arr/01'],
  ])('a migrated pointer reads only a value the document holds: not %s', async (_name, body, pointer) => {
    const [reading] = await readAnswer(
      body,
      CustomEndpoint.parse({ url: 'https://h.example/', remaining: pointerToExpression(pointer) }),
      {},
    );
    expect(reading?.value).toBeUndefined();
  });

  it('migrated pointers read indexes, escaped keys and the whole document', async () => {
    const value = async (body: unknown, pointer: string) =>
      (
        await readAnswer(
          body,
          CustomEndpoint.parse({ url: 'https://h.example/', remaining: pointerToExpression(pointer) }),
          {},
        )
      )[0]?.value;
    expect(await value({ arr: [5, 6] }, '/arr/1')).toBe(6);
    expect(await value({ 'a/b': { '~k': 3 } }, '/a~1b/~0k')).toBe(3);
    expect(await value(7, '')).toBe(7);
  });

  it('drifted: an expression that reads nothing is refused, naming the expression', async () => {
    expect((await failureOf(read({ account: {} }))).message).toMatch(
      /remaining expression "\$number\(account\.credits\.left\)" gave nothing, not a number/,
    );
  });
});

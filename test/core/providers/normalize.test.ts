/**
 * Each provider's pure half, on the answers its own documentation gives (test/fixtures/<provider>/): the schema
 * reads them, `normalize` turns them into a snapshot, and a drifted shape is refused naming its field. No network:
 * the contract tests drive the same adapters over loopback fakes.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelOf } from '../../../main/core/alerts/level';
import { AppFailure } from '../../../main/core/errors';
import { parseAnswer } from '../../../main/core/providers/adapter';
import { custom, snapshotOf } from '../../../main/core/providers/custom/custom';
import { endpointOf } from '../../../main/core/providers/custom/endpoint';
import { valueAt } from '../../../main/core/providers/custom/pointer';
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
import { Account, CustomEndpoint } from '../../../shared/config';
import { say } from '../../../shared/i18n/say';
import { Snapshot } from '../../../shared/model';
import { fixture } from '../../fakes/fake-server';
import { PRESET_IDS, type PresetId, presetFixture, presetParams } from '../../fakes/preset-fakes';
import { failureOf } from '../../support/failure';

const NOW = new Date('2026-11-22T12:00:00Z');
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
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
  const spec = CustomEndpoint.parse({
    url: 'https://api.example.com/me',
    remainingPointer: '/account/credits/left',
    limitPointer: '/account/credits/monthly',
  });

  const read = async (body: unknown) =>
    custom.normalize({ spec, readings: await readAnswer(body, spec, {}) }, NOW);

  it('a version 1 account reads its pointers, numbers sent as strings included', async () => {
    const snapshot = await read(load('custom', 'answer.json'));
    expect(snapshot.remaining).toBe(412.5);
    expect(snapshot.quotas[0]).toMatchObject({ used: 87.5, included: 500 });
  });

  it.each([
    ['an array’s length', { arr: [1, 2, 3] }, '/arr/length'],
    ['an index past the end', { arr: [1] }, '/arr/1'],
    ['a prototype member', { a: {} }, '/a/constructor'],
    ['an index with a leading zero', { arr: [5, 6] }, '/arr/01'],
  ])('a pointer resolves only to a value the document holds: not %s', (_name, body, pointer) => {
    expect(valueAt(body, pointer)).toBeUndefined();
  });

  it('pointers read indexes, escaped keys and the whole document', () => {
    expect(valueAt({ arr: [5, 6] }, '/arr/1')).toBe(6);
    expect(valueAt({ 'a/b': { '~k': 3 } }, '/a~1b/~0k')).toBe(3);
    expect(valueAt(7, '')).toBe(7);
  });

  it('drifted: a pointer that leads nowhere is refused, naming the pointer', async () => {
    expect((await failureOf(read({ account: {} }))).message).toMatch(
      /remaining pointer \/account\/credits\/left found no number/,
    );
  });
});

describe('presets, on the examples their vendors document', () => {
  /** The account a person would add for the preset, on its default host. */
  const accountFor = (id: PresetId) =>
    Account.parse({ id: 'p', provider: id, label: id, params: presetParams(id) });
  const readPreset = async (id: PresetId, name: string, key = 'k') => {
    const spec = endpointOf(accountFor(id), key);
    const readings = await readAnswer(load(id, name), spec, presetParams(id) ?? {});
    return snapshotOf({ spec, readings }, NOW);
  };

  it.each(PRESET_IDS)('%s reads its documented example', async (id) => {
    const snapshot = await readPreset(id, presetFixture(id));
    expect(snapshot.remaining).not.toBeNull();
    expect(Snapshot.safeParse(snapshot).success).toBe(true);
  });

  it('OpenRouter: a key with a limit shows what is left of it; one without shows what it spent', async () => {
    expect(await readPreset('openrouter', 'key.json')).toMatchObject({
      remaining: 74.5,
      unit: 'USD',
      usedThisPeriod: 25.5,
      quotas: [{ used: 25.5, included: 100, percentUsed: 25.5 }],
    });
    expect(await readPreset('openrouter', 'key-no-limit.json')).toMatchObject({
      remaining: null,
      usedThisPeriod: 25.5,
      quotas: [],
    });
  });

  it('Twilio and DeepSeek: balances sent as text, in the currency the answer names', async () => {
    expect(await readPreset('twilio', 'balance.json')).toMatchObject({ remaining: 0.05, unit: 'USD' });
    expect(await readPreset('deepseek', 'balance.json')).toMatchObject({ remaining: 110, unit: 'CNY' });
  });

  it('DeepL: a free key (ending :fx) asks the free host; any other key the pro host', () => {
    expect(endpointOf(accountFor('deepl'), 'abc:fx').url).toBe('https://api-free.deepl.com/v2/usage');
    expect(endpointOf(accountFor('deepl'), 'abc').url).toBe('https://api.deepl.com/v2/usage');
  });

  it('ElevenLabs: the reset time in Unix seconds becomes an instant', async () => {
    expect((await readPreset('elevenlabs', 'subscription.json')).extras.resetsAt).toBe(
      '2025-01-31T20:54:18.000Z',
    );
  });
});

describe('fixtures', () => {
  it('every fixture file is read by a test above', () => {
    const all = readdirSync(FIXTURES).flatMap((provider) =>
      readdirSync(path.join(FIXTURES, provider)).map((name) => `${provider}/${name}`),
    );
    expect(all.filter((f) => !used.has(f))).toEqual([]);
  });
});

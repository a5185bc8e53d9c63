/**
 * The custom JSON engine over real HTTP on 127.0.0.1: how the key travels (header, Basic, query parameter), POST
 * bodies and extra headers, an account's own timeout, what a failing expression says, and what an expression cannot
 * reach. The presets run on this same engine (contract.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/core/errors';
import { probe } from '../../../main/core/providers/custom/custom';
import { checkExpressions } from '../../../main/core/providers/custom/read-answer';
import { createHttpClient } from '../../../main/core/providers/http';
import { pollerFor } from '../../../main/core/providers/registry';
import { Account, type CustomEndpointInput } from '../../../shared/config';
import { translatorFor } from '../../../shared/i18n/catalogs';
import { FakeServer, type RecordedRequest } from '../../fakes/fake-server';
import { say } from '../../support/english';
import { failureOf } from '../../support/failure';
import { spoken } from '../../support/said';

const NOW = new Date('2026-11-22T12:00:00Z');
const KEY = 'ck_live_0123456789abcdefABCDEF';
let answer: unknown = {};
let server: FakeServer;
let slow: FakeServer;

beforeAll(async () => {
  server = await FakeServer.start(() => ({ json: answer }));
  slow = await FakeServer.start(() => ({ json: { n: 1 } }));
});
afterAll(async () => {
  await server.close();
  await slow.close();
});

function account(custom: Partial<CustomEndpointInput>): Account {
  return Account.parse({
    id: 'c',
    provider: 'custom',
    label: 'Custom',
    custom: { url: `${server.url}/balance`, remaining: 'balance', ...custom },
  });
}

async function poll(custom: Partial<CustomEndpointInput>, body: unknown, http = createHttpClient()) {
  answer = body;
  return pollerFor('custom').poll({ account: account(custom), secret: KEY, http, now: NOW });
}

const last = (): RecordedRequest => server.requests[server.requests.length - 1] as RecordedRequest;

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(AppFailure);
  return thrown as AppFailure;
}

describe('the custom engine reads what expressions say', () => {
  it.each([
    [
      'arithmetic',
      'data.total_credits - data.total_usage',
      { data: { total_credits: 100.5, total_usage: 25.75 } },
      74.75,
    ],
    ['a number sent as text', '$number(balance)', { balance: '12.40' }, 12.4],
    ['sign and scale', '-balance_cents / 100', { balance_cents: -1234 }, 12.34],
    [
      'an array item picked by a field',
      "$number(balance_infos[currency='USD'].total_balance)",
      {
        balance_infos: [
          { currency: 'CNY', total_balance: '110.00' },
          { currency: 'USD', total_balance: '7.25' },
        ],
      },
      7.25,
    ],
  ])('%s', async (_name, remaining, body, expected) => {
    expect((await poll({ remaining }, body)).remaining).toBeCloseTo(expected, 9);
  });

  it('limit, used, the unit from the answer and the reset time', async () => {
    const snapshot = await poll(
      {
        remaining: 'quota.max - quota.used',
        limit: 'quota.max',
        used: 'quota.used',
        currency: 'quota.unit',
        resetsAt: 'quota.resets',
      },
      { quota: { max: 1000, used: 250, unit: 'EUR', resets: 1_767_225_600 } },
    );
    expect(snapshot).toMatchObject({
      remaining: 750,
      unit: 'EUR',
      usedThisPeriod: 250,
      quotas: [{ used: 250, included: 1000, percentUsed: 25, unit: 'EUR' }],
      extras: { resetsAt: '2026-01-01T00:00:00.000Z' },
    });
  });
});

describe('how the key travels', () => {
  it('in a header with a scheme, or bare', async () => {
    await poll({ authHeader: 'X-Api-Key', authScheme: '' }, { balance: 1 });
    expect(last().headers['x-api-key']).toBe(KEY);
    await poll({}, { balance: 1 });
    expect(last().headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('as HTTP Basic: the user, and the key as the password', async () => {
    await poll({ auth: 'basic', authUser: 'ACabc' }, { balance: 1 });
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from(`ACabc:${KEY}`).toString('base64')}`);
  });

  it('as a query parameter, next to the query the URL already has', async () => {
    await poll(
      { auth: 'query', authParam: 'api_key', url: `${server.url}/balance?team=growth` },
      { balance: 1 },
    );
    expect(last().query.get('api_key')).toBe(KEY);
    expect(last().query.get('team')).toBe('growth');
    expect(last().headers.authorization).toBeUndefined();
  });

  it('POST with a JSON body and extra headers', async () => {
    await poll(
      { method: 'POST', body: '{"scope":"billing"}', headers: { 'X-Team': 'growth' } },
      { balance: 1 },
    );
    expect(last()).toMatchObject({ method: 'POST', body: '{"scope":"billing"}' });
    expect(last().headers['x-team']).toBe('growth');
    expect(last().headers['content-type']).toBe('application/json');
  });

  it("an account's own timeout, within the app's cap", async () => {
    slow.fail({ type: 'hang' });
    const started = Date.now();
    const error = await failure(
      pollerFor('custom').poll({
        account: account({ url: `${slow.url}/x`, timeoutSeconds: 1 }),
        secret: KEY,
        http: createHttpClient(),
        now: NOW,
      }),
    );
    expect(error.kind).toBe('timeout');
    expect(say(error.said)).toMatch(/within 1 s/);
    // The time in the reader's words, not English units inside a Chinese sentence.
    expect(translatorFor('zh').say(error.said)).toBe('1 秒内没有完整的响应');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(
      Account.safeParse({ ...account({}), custom: { ...account({}).custom, timeoutSeconds: 61 } }).success,
    ).toBe(false);
  });
});

describe('an expression that cannot read the answer', () => {
  it.each([
    [
      'returns text',
      'name',
      { name: 'x', balance: 1 },
      /remaining expression "name" gave text, not a number/,
    ],
    ['returns NaN', 'balance / 0', { balance: 0 }, /remaining expression "balance \/ 0" (gave|failed)/],
    [
      'returns nothing',
      'missing.field',
      { balance: 1 },
      /remaining expression "missing.field" gave nothing, not a number/,
    ],
    ['fails', 'balance - "x"', { balance: 1 }, /remaining expression "balance - "x"" failed: /],
    [
      'returns an object',
      'data',
      { data: { a: 1 } },
      /remaining expression "data" gave an object, not a number/,
    ],
  ])(
    '%s: bad_response naming the field and expression, never the body',
    async (_n, remaining, body, message) => {
      const error = await failure(poll({ remaining }, { ...body, secretish: 'BODY-ONLY-TEXT' }));
      expect(error.kind).toBe('bad_response');
      expect(say(error.said)).toMatch(message);
      expect(say(error.said)).not.toContain('BODY-ONLY-TEXT');
    },
  );

  it('a syntax error is the config: named with its field before anything is saved', async () => {
    const spec = account({ limit: 'data.(' }).custom;
    expect((await failureOf(checkExpressions(spec as NonNullable<Account['custom']>))).message).toMatch(
      /The limit expression "data\.\(" is not valid JSONata/,
    );
  });

  it('runs within its time limit: a long computation stops with a clear error', async () => {
    const error = await failure(
      poll({ remaining: '$count([1..99999].($x := $; [1..99].($x * $)))' }, { balance: 1 }),
    );
    expect(error.kind).toBe('bad_response');
    expect(say(error.said)).toMatch(/failed: .*(time|sequence|limit)/i);
  });

  it.each([
    [
      'a regular expression (could backtrack past any deadline)',
      '$count($match(s, /(a+)+$/))',
      /regular expressions are not allowed/,
    ],
    [
      'a string grown past the size limit',
      '($f := function($s){ $f($s & $s) }; $f("ab"))',
      // Written as the reader's language writes numbers.
      /the limit is 100,000$/,
    ],
    ['unbounded recursion', '($f := function($n){ 1 + $f($n) }; $f(1))', /Stack overflow|stack/i],
  ])('refuses %s', async (_n, remaining, message) => {
    const error = await failure(
      poll({ remaining }, { s: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', balance: 1 }),
    );
    expect(say(error.said)).toMatch(message);
  });

  it('reaches nothing beyond the answer: no prototype, no constructor, no process', async () => {
    for (const remaining of [
      '$.constructor',
      '$.__proto__',
      '$string.constructor',
      '$lookup($, "constructor")',
      '$eval("$.constructor.constructor(\'return process\')()")',
    ]) {
      const error = await failure(poll({ remaining }, { balance: 1 }));
      expect(error.kind).toBe('bad_response');
    }
  });
});

describe('"Test connection" for an endpoint', () => {
  it('shows what each expression read, and the answer shape with every value masked', async () => {
    answer = { data: { total_credits: 100.5, label: `my ${KEY}`, items: [{ id: 'x' }] } };
    const result = await probe({
      account: account({ remaining: 'data.total_credits', limit: 'data.limit' }),
      secret: KEY,
      http: createHttpClient(),
      now: NOW,
    });
    expect(result.readings).toEqual([
      { field: 'remaining', source: 'data.total_credits', value: '100.5' },
      { field: 'limit', source: 'data.limit', value: 'nothing' },
    ]);
    expect(spoken(result.shape)).toBe(
      [
        'object',
        '  data: object',
        '    total_credits: number',
        '    label: string',
        '    items: array of 1, first:',
        '      object',
        '        id: string',
      ].join('\n'),
    );
    expect(spoken(result.shape)).not.toContain('100.5');
    expect(result.snapshot?.remaining).toBe(100.5);
    expect(result.problem).toBeNull();
  });

  it('still shows the shape when an expression does not fit the answer', async () => {
    answer = { credits: { left: '12' } };
    const result = await probe({
      account: account({ remaining: 'balance' }),
      secret: KEY,
      http: createHttpClient(),
      now: NOW,
    });
    expect(spoken(result.problem?.said)).toMatch(/remaining expression "balance" gave nothing/);
    expect(spoken(result.shape)).toContain('left: string (a number)');
    expect(result.snapshot).toBeNull();
  });
});

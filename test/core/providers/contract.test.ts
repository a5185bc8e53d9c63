import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountResult,
  type RefreshDeps,
  refreshAccount,
} from '../../../main/core/monitor/refresh-account';
import { createHttpClient } from '../../../main/core/providers/http';
import { createSnapshotCache } from '../../../main/core/store/cache';
import type { ErrorKind, Snapshot } from '../../../shared/model';
import { keepsLedger } from '../../../shared/providers';
import type { CostReportFake } from '../../fakes/cost-report-fake';
import { FakeServer, type Fault } from '../../fakes/fake-server';
import type { PresetId } from '../../fakes/preset-fakes';
import { FAKE_STARTERS, type FakeProvider, type NetworkProviderId } from '../../fakes/providers';
import { spoken } from '../../support/said';

const NOW = new Date('2026-11-22T12:00:00Z');
const DEADLINE_MS = 400;

/**
 * Per preset, what its vendor's documented example means: the unit, the limit and what was used (given the
 * balance the fake now holds), and when the allowance resets. Every value comes from the example's own fields.
 */
const PRESET_EXPECTED: Record<
  PresetId,
  {
    unit: string;
    limit: number | null;
    used: ((balance: number) => number) | null;
    resetsAt?: string;
    wrongType: unknown;
  }
> = {
  openrouter: {
    unit: 'USD',
    limit: 100,
    used: (b) => 100 - b,
    wrongType: { data: { limit_remaining: 'lots' } },
  },
  'openrouter-credits': {
    unit: 'USD',
    limit: 100.5,
    used: (b) => 100.5 - b,
    wrongType: { data: { total_credits: '100', total_usage: 2 } },
  },
  deepl: {
    unit: 'characters',
    limit: 1_250_000,
    used: (b) => 1_250_000 - b,
    wrongType: { character_count: [1], character_limit: 5 },
  },
  elevenlabs: {
    unit: 'characters',
    limit: 10_000,
    used: (b) => 10_000 - b,
    resetsAt: '2025-01-31T20:54:18.000Z',
    wrongType: { character_count: 'x', character_limit: 10 },
  },
  serpapi: {
    unit: 'searches',
    limit: 30_000,
    used: () => 24_042,
    wrongType: { total_searches_left: { n: 1 } },
  },
  firecrawl: {
    unit: 'credits',
    limit: 500_000,
    used: (b) => 500_000 - b,
    resetsAt: '2025-01-31T23:59:59.000Z',
    wrongType: { data: { remainingCredits: '1000' } },
  },
  twilio: { unit: 'USD', limit: null, used: null, wrongType: { balance: 'n/a', currency: 'USD' } },
  deepseek: {
    unit: 'CNY',
    limit: null,
    used: null,
    wrongType: { balance_infos: [{ currency: 'CNY', total_balance: 'much' }] },
  },
  hunter: {
    unit: 'credits',
    limit: 6000,
    used: (b) => 6000 - b,
    resetsAt: '2026-12-01T00:00:00.000Z',
    wrongType: { data: { requests: { credits: { used: 'a', available: 1 } } } },
  },
  coingecko: {
    unit: 'calls',
    limit: 1_000_000,
    used: (b) => 1_000_000 - b,
    wrongType: { current_remaining_monthly_calls: true },
  },
  scrapeops: {
    unit: 'credits',
    limit: 1_000_000,
    used: (b) => 1_000_000 - b,
    resetsAt: '2024-08-24T10:41:04.000Z',
    wrongType: { plan_api_credits: 'x', used_api_credits: 1 },
  },
  scrapedo: {
    unit: 'requests',
    limit: 3_500_000,
    used: (b) => 3_500_000 - b,
    wrongType: { RemainingMonthlyRequest: null, MaxMonthlyRequest: 'x' },
  },
};

function presetCases() {
  return Object.fromEntries(
    Object.entries(PRESET_EXPECTED).map(([id, e]) => [
      id,
      {
        wrongType: e.wrongType,
        check(s: Snapshot, fake: FakeProvider) {
          expect(s.remaining).toBeCloseTo(fake.balance, 6);
          expect(s.unit).toBe(e.unit);
          if (e.limit === null || e.used === null) expect(s.quotas).toEqual([]);
          else {
            expect(s.quotas).toHaveLength(1);
            expect(s.quotas[0]).toMatchObject({ metric: 'limit', included: e.limit, unit: e.unit });
            expect(s.quotas[0]?.used).toBeCloseTo(e.used(fake.balance), 6);
            expect(s.usedThisPeriod).toBeCloseTo(e.used(fake.balance), 6);
          }
          expect(s.extras.resetsAt).toBe(e.resetsAt);
        },
      },
    ]),
  ) as Record<PresetId, ContractCase>;
}

/** Per provider: the request a fault must hit to matter, a wrong-typed body, and what the documented example gives. */
interface ContractCase {
  primaryPath?: string;
  wrongType: unknown;
  check: (s: Snapshot, fake: FakeProvider) => void;
}

const CASES: Record<NetworkProviderId, ContractCase> = {
  happenstance: {
    wrongType: { balance_credits: 'plenty', has_credits: true, purchases: [], usage: [] },
    check(s, fake) {
      expect(s.remaining).toBe(fake.balance);
      expect(s.unit).toBe('credits');
      expect(s.usage).toEqual([
        { at: '2026-11-21T15:30:00.000Z', used: 60 },
        { at: '2026-11-03T10:00:00.000Z', used: 100 },
        { at: '2026-10-20T10:00:00.000Z', used: 1000 },
      ]);
      expect(s.usedThisPeriod).toBe(160);
      expect(s.extras.purchases).toEqual([
        { at: '2026-11-10T09:00:00.000Z', credits: 1000 },
        { at: '2026-10-01T09:00:00.000Z', credits: 2000 },
      ]);
      expect(s.extras.autoReload).toEqual({
        enabled: true,
        thresholdCredits: 200,
        reloadAmount: 1000,
        lastReloadAt: null,
      });
    },
  },
  generect: {
    primaryPath: '/api/v1/accounts/me/',
    wrongType: { data: { credits: { balance: '5000' } } },
    check(s, fake) {
      expect(s.remaining).toBe(fake.balance);
      expect(s.usedThisPeriod).toBe(1234);
      expect(s.quotas).toEqual([
        {
          metric: 'monthly_limit',
          name: 'Monthly limit',
          used: 1234,
          included: 10000,
          unit: 'credits',
          percentUsed: 12.34,
        },
      ]);
      expect(s.extras.breakdown).toEqual({
        search_database: 500,
        search_realtime: 200,
        enrich_database: 300,
        enrich_realtime: 100,
        email_find: 134,
      });
      expect(s.extras.plan).toBe('Pro');
      const usageCall = fake.server.requests.find((r) => r.path === '/api/v1/accounts/usage/');
      expect(usageCall?.query.get('start_date')).toBe('2026-11-01');
      expect(usageCall?.query.get('end_date')).toBe('2026-11-22');
    },
  },
  richutilities: {
    primaryPath: '/v2/auth/account/credits',
    wrongType: { balance: 1, reserved: 0, available: null, currency: 'USD' },
    check(s, fake) {
      expect(s.remaining).toBe(fake.balance);
      expect(s.unit).toBe('USD');
      expect(s.extras).toMatchObject({ reserved: 5.5, balance: fake.balance + 5.5, currency: 'USD' });
      expect(s.extras.autoReload).toMatchObject({ enabled: true, thresholdCredits: 20, reloadAmount: 100 });
      expect(s.usage).toHaveLength(2);
      expect(s.usedThisPeriod).toBeCloseTo(4.3);
      expect(s.extras.purchases).toEqual([{ at: '2026-11-15T08:00:00.000Z', credits: 100 }]);
      expect(s.extras.partial).toBeUndefined();
      const ledger = fake.server.requests.find((r) => r.path === '/v2/auth/account/ledger');
      expect(ledger?.query.get('limit')).toBe('100');
      expect(ledger?.query.get('offset')).toBe('0');
    },
  },
  klaim: {
    wrongType: { data: [{ created_at: '2026-11-22', credit_balance: 5 }] },
    check(s, fake) {
      expect(s.remaining).toBe(fake.balance);
      // Oldest first: +1000 (top-up), then -1100, -100, -100.
      expect(s.usage.map((p) => p.used)).toEqual([100, 100, 1100]);
      expect(s.extras.purchases?.map((p) => p.credits)).toEqual([1000]);
      const pages = fake.server.requests.filter((r) => r.method === 'POST');
      expect(pages.map((r) => JSON.parse(r.body))).toEqual([
        {},
        { starting_after: { prefix_app_id: '_credit-usage_app', type_id: '2' } },
        { starting_after: { prefix_app_id: '_credit-usage_app', type_id: '4' } },
      ]);
    },
  },
  'metered-billing': {
    wrongType: {
      success: true,
      data: { metrics: { apiCalls: { name: 'API Calls', unit: 'requests', used: 'x' } } },
    },
    check(s) {
      expect(s.remaining).toBeNull();
      expect(s.quotas.map((q) => [q.metric, q.percentUsed])).toEqual([
        ['apiCalls', 45.23],
        ['storage', 67.5],
        ['seats', 70],
        ['bandwidth', 23.48],
      ]);
      expect(s.extras.estimatedCost).toEqual({ base: 29, overage: 0, total: 29, currency: 'usd' });
      expect(s.extras.period).toEqual({ start: '2024-01-01T00:00:00.000Z', end: '2024-01-31T23:59:59.000Z' });
    },
  },
  ...presetCases(),
  openai: {
    wrongType: { object: 'page', data: [{ start_time: '2026-11-01', end_time: 0, results: [] }] },
    check(s, fake) {
      // No balance stated: no estimate, the month's costs from the first of the month to today.
      expect(s.remaining).toBeNull();
      expect(s.unit).toBe('USD');
      expect(s.extras.costDays?.[0]?.day).toBe('2026-11-01');
      expect(s.extras.costDays).toHaveLength(22);
      const today = Number((fake as CostReportFake).costs.get('2026-11-22'));
      expect(s.extras.ledger).toMatchObject({ statedAt: null, spentToday: today });
      expect(s.usedThisPeriod).toBeCloseTo(monthOf(fake), 9);
      const asked = fake.server.requests.find((r) => r.path === '/v1/organization/costs');
      expect(asked?.query.get('start_time')).toBe(String(Date.UTC(2026, 10, 1) / 1000));
    },
  },
  anthropic: {
    wrongType: { data: [{ starting_at: 5, ending_at: 6, results: [] }], has_more: false },
    check(s, fake) {
      expect(s.remaining).toBeNull();
      expect(s.unit).toBe('USD');
      expect(s.extras.costDays).toHaveLength(22);
      expect(s.usedThisPeriod).toBeCloseTo(monthOf(fake), 9);
      const asked = fake.server.requests.find((r) => r.path === '/v1/organizations/cost_report');
      expect(asked?.query.get('starting_at')).toBe('2026-11-01T00:00:00Z');
      expect(asked?.headers['anthropic-version']).toBe('2023-06-01');
    },
  },
  custom: {
    wrongType: { account: { credits: { left: { amount: 3 } } } },
    check(s, fake) {
      expect(s.remaining).toBe(fake.balance);
      expect(s.unit).toBe('tokens');
      expect(s.quotas).toEqual([
        { metric: 'limit', name: 'tokens', used: 87.5, included: 500, unit: 'tokens', percentUsed: 17.5 },
      ]);
    },
  },
};

/** What a cost-report fake holds for November 2026 up to its today (the 22nd). */
function monthOf(fake: FakeProvider): number {
  return [...(fake as CostReportFake).costs.entries()]
    .filter(([day]) => day >= '2026-11-01' && day <= '2026-11-22')
    .reduce((total, [, cost]) => total + Number(cost), 0);
}

interface FaultCase {
  name: string;
  fault: (fake: FakeProvider) => Fault;
  kind: ErrorKind;
  message: RegExp;
  retryAfterSeconds?: number;
}

/**
 * What each provider's own answers mean: its error statuses in its own error format, and answers of the wrong
 * shape. Faults below HTTP (a hang, a reset, a huge body, a web page or cut-off JSON instead of data) are the HTTP
 * client's, which every adapter reads through: they are tested once, in http.test.ts.
 */
const FAULTS: FaultCase[] = [
  {
    name: '401 (the body even echoes the key)',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(401, `Invalid key ${f.key}`) }),
    kind: 'auth',
    message: /^The key was rejected \(401\): Invalid key \*\*\*\*$/,
  },
  {
    name: '402',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(402, 'Insufficient funds in the account.') }),
    kind: 'payment',
    message: /payment required \(402\): Insufficient funds in the account\./,
  },
  {
    name: '403',
    fault: (f) => ({
      type: 'reply',
      reply: f.errorReply(403, 'You do not have permission to perform this action.'),
    }),
    kind: 'forbidden',
    message: /not allowed.*\(403\): You do not have permission/,
  },
  {
    name: '404',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(404, 'Can not find user with the given user_id.') }),
    kind: 'not_found',
    message: /Not found \(404\).*Can not find user/,
  },
  {
    name: '429 with Retry-After',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(429, 'Too many requests', { 'retry-after': '7' }) }),
    kind: 'rate_limited',
    message: /Rate-limited \(429\); the provider asks to wait 7 s/,
    retryAfterSeconds: 7,
  },
  {
    name: '429 without Retry-After',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(429, 'Request was throttled.') }),
    kind: 'rate_limited',
    message: /^Rate-limited \(429\): Request was throttled\.$/,
  },
  {
    name: '500',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(500, 'boom') }),
    kind: 'server',
    message: /trouble \(500\)/,
  },
  {
    name: '503',
    fault: (f) => ({ type: 'reply', reply: f.errorReply(503, 'Service Unavailable') }),
    kind: 'server',
    message: /trouble \(503\)/,
  },
  {
    name: 'a required field missing',
    fault: () => ({ type: 'reply', reply: { json: {} } }),
    kind: 'bad_response',
    message: /expected shape|found no number|gave .+, not a number|expression ".+" failed: /,
  },
  {
    name: 'a field of the wrong type',
    fault: (f) => ({ type: 'reply', reply: { json: CASES[f.provider as NetworkProviderId].wrongType } }),
    kind: 'bad_response',
    message: /expected shape|found no number|gave .+, not a number|expression ".+" failed: /,
  },
];

describe.each(Object.keys(CASES) as NetworkProviderId[])('%s contract', (provider) => {
  const spec = CASES[provider];
  let fake: FakeProvider;
  let deps: RefreshDeps;
  let primed: Snapshot;

  beforeAll(async () => {
    fake = await FAKE_STARTERS[provider]();
    // A cost report's days run up to the fake's today: the test's.
    if ('setNow' in fake) (fake as CostReportFake).setNow(NOW);
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-contract-'));
    deps = {
      http: createHttpClient({ deadlineMs: DEADLINE_MS, now: () => NOW }),
      secrets: async () => fake.key,
      cache: createSnapshotCache(path.join(dir, 'cache')),
      now: () => NOW,
    };
  });
  afterAll(() => fake.close());

  const expectNoKey = (result: AccountResult) => {
    const text = JSON.stringify(result);
    expect(text).not.toContain(fake.key);
    expect(text).not.toContain(Buffer.from(fake.key).toString('base64'));
  };

  it('reads the documented example and sends the documented request', async () => {
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error).toBeNull();
    expect(result.stale).toBe(false);
    const snapshot = result.snapshot as Snapshot;
    expect(snapshot.fetchedAt).toBe(NOW.toISOString());
    spec.check(snapshot, fake);
    primed = snapshot;
    expect(await deps.cache.read(fake.account().id)).toEqual(primed);
  });

  it.each(FAULTS)('$name gives $kind, a clear message, no key, and keeps the last-known value', async (c) => {
    fake.server.fail({ ...c.fault(fake), ...(spec.primaryPath ? { path: spec.primaryPath } : {}) });
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error?.kind).toBe(c.kind);
    expect(spoken(result.error?.message)).toMatch(c.message);
    expect(result.error?.retryAfterSeconds).toBe(c.retryAfterSeconds);
    expect(result.stale).toBe(true);
    expect(result.snapshot).toEqual(primed);
    expectNoKey(result);
  });

  it('a 404 names the path asked for and what to check for this kind of account', async () => {
    fake.server.fail({
      type: 'reply',
      reply: fake.errorReply(404, 'gone'),
      ...(spec.primaryPath ? { path: spec.primaryPath } : {}),
    });
    const result = await refreshAccount(fake.account(), deps);
    const said = spoken(result.error?.message);
    expect(said).toMatch(/^Not found \(404\): nothing at \/\S*; /);
    // The user id only where there is one; the whole URL for a custom endpoint, the base URL where a path is added.
    if (provider === 'klaim') expect(said).toContain('and the user id');
    else expect(said).not.toContain('user id');
    if (provider === 'custom') expect(said).toMatch(/; check the URL: gone$/);
    else expect(said).toContain('check the base URL (this path is added to it)');
  });

  it('a wrong key is auth, and the key itself never shows', async () => {
    const result = await refreshAccount(fake.account(), { ...deps, secrets: async () => 'wrong-key-0000' });
    // A cost report reads with an Admin key: any other kind of key is the wrong kind, and says where to make one.
    expect(result.error?.kind).toBe(keepsLedger(fake.account()) ? 'forbidden' : 'auth');
    expect(result.snapshot).toEqual(primed);
  });

  it('a refused connection is network, with the last-known value kept', async () => {
    const closed = await FakeServer.start(() => ({}));
    await closed.close();
    const account = retarget(fake.account(), closed.url);
    const result = await refreshAccount(account, deps);
    expect(result.error?.kind).toBe('network');
    expect(spoken(result.error?.message)).toMatch(/connection refused/);
    expect(result.snapshot).toEqual(primed);
  });

  it('a redirect to another host is refused and the key is not sent there', async () => {
    const elsewhere = await FakeServer.start(() => ({ json: {} }));
    try {
      const other = elsewhere.url.replace('127.0.0.1', 'localhost');
      fake.server.fail({
        type: 'redirect',
        location: `${other}/steal`,
        ...(spec.primaryPath ? { path: spec.primaryPath } : {}),
      });
      const result = await refreshAccount(fake.account(), deps);
      expect(result.error?.kind).toBe('config');
      expect(spoken(result.error?.message)).toMatch(/did not follow it, so your key was not sent there/);
      expect(elsewhere.requests).toHaveLength(0);
      expect(result.snapshot).toEqual(primed);
      expectNoKey(result);
    } finally {
      await elsewhere.close();
    }
  });

  it('follows a redirect within the same origin, keeping the method and body', async () => {
    const first = fake.server.requests.length;
    await refreshAccount(fake.account(), deps);
    const primary = spec.primaryPath ?? (fake.server.requests[first] as { path: string }).path;
    // The server sends the request on as it came (its query kept: a cost report's start is required), marked moved.
    const asked = fake.server.requests.slice(first).find((r) => r.path === primary);
    const query = new URLSearchParams(asked?.query);
    query.set('moved', '1');
    const before = fake.server.requests.length;
    fake.server.fail({ type: 'redirect', location: `${primary}?${query}`, path: primary });
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error).toBeNull();
    expect(result.stale).toBe(false);
    const hops = fake.server.requests.slice(before).filter((r) => r.path === primary);
    expect(hops[1]?.query.get('moved')).toBe('1');
    expect(hops[1]?.method).toBe(hops[0]?.method);
  });
});

function retarget<T extends { baseUrl?: string; custom?: { url: string } }>(account: T, url: string): T {
  if (account.custom) return { ...account, custom: { ...account.custom, url: `${url}/x` } };
  return { ...account, baseUrl: url };
}

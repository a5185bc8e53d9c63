import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../main/core/errors';
import { guardInvoke } from '../../main/core/ipc/ipc-guard';
import { toProviderError } from '../../main/core/providers/failure';
import { createHttpClient, type HttpClient } from '../../main/core/providers/http';
import { pollerFor } from '../../main/core/providers/registry';
import { parseRetryAfter } from '../../main/core/providers/retry-after';
import { ConfigFile, describeIssues } from '../../shared/config';
import { INVOKE, type InvokeChannel } from '../../shared/ipc';
import { Snapshot } from '../../shared/model';
import type { ProviderId } from '../../shared/providers';
import { FakeServer, fixture } from '../fakes/fake-server';
import { PRESET_IDS, type PresetId, presetFixture } from '../fakes/preset-fakes';
import { FAKE_STARTERS, type NetworkProviderId } from '../fakes/providers';
import { say } from '../support/english';

const NOW = new Date('2026-11-22T12:00:00Z');
const RUNS = { numRuns: 400 };

/** Answers every request with the same value: the transport is not under test here, the reading of answers is. */
const answering = (value: unknown): HttpClient => ({ json: async () => structuredClone(value) });

/** Any JSON, plus values shaped like each provider's answer with hostile numbers and types in every field. */
const hostileNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0, -0, 5e-324, 1e-300),
  fc.string(),
  fc.constant(null),
);
/** A preset vendor's documented example with a hostile value wherever it holds a number or a number as text. */
function hostileLike(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) {
    return hostileNumber;
  }
  if (Array.isArray(value)) return fc.tuple(...value.map(hostileLike));
  if (value !== null && typeof value === 'object') {
    return fc.record(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostileLike(v)])));
  }
  return fc.constant(value);
}

/** Per provider, its documented shape with a hostile value in every numeric field. */
const SHAPED: Record<NetworkProviderId, fc.Arbitrary<unknown>> = {
  happenstance: fc.record({
    balance_credits: hostileNumber,
    has_credits: fc.boolean(),
    purchases: fc.constant([]),
    usage: fc.constant([]),
  }),
  generect: fc.record({
    data: fc.record({
      credits: fc.record({
        balance: hostileNumber,
        used_this_month: hostileNumber,
        monthly_limit: hostileNumber,
      }),
    }),
  }),
  richutilities: fc.record({
    balance: hostileNumber,
    available: hostileNumber,
    reserved: hostileNumber,
    currency: fc.string(),
  }),
  klaim: fc.record({
    data: fc.array(
      fc.record({ created_at: hostileNumber, credit_balance: hostileNumber, credit_change: hostileNumber }),
      { minLength: 1 },
    ),
  }),
  'metered-billing': fc.record({
    success: fc.constant(true),
    data: fc.record({
      metrics: fc.dictionary(
        fc.string(),
        fc.record({
          name: fc.string({ minLength: 1 }),
          unit: fc.string(),
          included: hostileNumber,
          used: hostileNumber,
          percentage: hostileNumber,
        }),
        { minKeys: 1 },
      ),
    }),
  }),
  custom: fc.record({
    account: fc.record({ credits: fc.record({ left: hostileNumber, monthly: hostileNumber }) }),
  }),
  openai: fc.record({
    object: fc.constant('page'),
    data: fc.array(
      fc.record({
        start_time: hostileNumber,
        end_time: hostileNumber,
        results: fc.array(fc.record({ amount: fc.record({ value: hostileNumber, currency: fc.string() }) })),
      }),
    ),
    has_more: fc.boolean(),
    next_page: fc.option(fc.string()),
  }),
  anthropic: fc.record({
    data: fc.array(
      fc.record({
        starting_at: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        ending_at: fc.string(),
        results: fc.array(fc.record({ amount: hostileNumber, currency: fc.string() })),
      }),
    ),
    has_more: fc.boolean(),
    next_page: fc.option(fc.string()),
  }),
  ...(Object.fromEntries(PRESET_IDS.map((id) => [id, hostileLike(fixture(id, presetFixture(id)))])) as Record<
    PresetId,
    fc.Arbitrary<unknown>
  >),
};
const PROTO = JSON.parse('{"__proto__":{"balance_credits":5},"constructor":{"prototype":{"x":1}}}');
const answerFor = (provider: NetworkProviderId) =>
  fc.oneof(
    { arbitrary: SHAPED[provider], weight: 4 },
    { arbitrary: fc.jsonValue(), weight: 1 },
    { arbitrary: fc.constant(PROTO), weight: 1 },
  );

async function accountsFor(): Promise<
  Record<NetworkProviderId, Parameters<ReturnType<typeof pollerFor>['poll']>[0]['account']>
> {
  const out = {} as Record<NetworkProviderId, Parameters<ReturnType<typeof pollerFor>['poll']>[0]['account']>;
  for (const [id, start] of Object.entries(FAKE_STARTERS) as [
    NetworkProviderId,
    () => ReturnType<(typeof FAKE_STARTERS)['klaim']>,
  ][]) {
    const fake = await start();
    out[id] = fake.account();
    await fake.close();
  }
  return out;
}

describe('fuzzing: any answer gives a valid snapshot or a classified error, never a throw or a NaN', () => {
  it.each(Object.keys(FAKE_STARTERS) as NetworkProviderId[])('%s', async (provider) => {
    const account = (await accountsFor())[provider];
    await fc.assert(
      fc.asyncProperty(answerFor(provider), async (answer) => {
        try {
          const snapshot = await pollerFor(provider as ProviderId).poll({
            account,
            secret: 'k',
            http: answering(answer),
            now: NOW,
          });
          expect(Snapshot.safeParse(snapshot).success).toBe(true);
          expect(JSON.stringify(snapshot)).not.toMatch(/NaN|Infinity/);
        } catch (thrown) {
          // Every refusal is a classified failure the adapter meant, never a TypeError from a shape it missed.
          expect(thrown).toBeInstanceOf(AppFailure);
          expect(say(toProviderError(thrown).message)).not.toMatch(/internal error/);
        }
      }),
      RUNS,
    );
  });

  it('10 000-deep nesting and __proto__ keys over real HTTP are refused cleanly', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const server = await FakeServer.start(() => ({ text: deep }));
    const proto = await FakeServer.start(() => ({
      text: '{"__proto__":{"balance_credits":1},"balance_credits":"x"}',
    }));
    try {
      const account = { id: 'a', provider: 'happenstance' as const, label: 'A', baseUrl: server.url };
      await expect(
        pollerFor('happenstance').poll({ account, secret: 'k', http: createHttpClient(), now: NOW }),
      ).rejects.toMatchObject({
        kind: 'bad_response',
      });
      await expect(
        pollerFor('happenstance').poll({
          account: { ...account, baseUrl: proto.url },
          secret: 'k',
          http: createHttpClient(),
          now: NOW,
        }),
      ).rejects.toMatchObject({ kind: 'bad_response' });
      expect(({} as Record<string, unknown>).balance_credits).toBeUndefined();
    } finally {
      await server.close();
      await proto.close();
    }
  });
});

/** What each status means, from HTTP's semantics and the providers' documents: the oracle for the mapping. */
function expectedKind(status: number): string {
  if (status < 300) return 'bad_response';
  const byStatus: Record<number, string> = {
    400: 'config',
    401: 'auth',
    402: 'payment',
    403: 'forbidden',
    404: 'not_found',
    405: 'config',
    // A proxy asking to log in (407) says nothing about the provider: a network problem.
    407: 'network',
    408: 'timeout',
    410: 'not_found',
    422: 'config',
    429: 'rate_limited',
  };
  return byStatus[status] ?? (status >= 500 ? 'server' : 'bad_response');
}

describe('fuzzing: HTTP error mapping and Retry-After', () => {
  it('any status and any body map to a known kind with a message; no throw escapes', async () => {
    // The reply stands until the next run sets another: fetch itself may ask twice (a 421 is retried on a
    // new connection, as RFC 9110 allows), and the retry must get the same answer.
    let reply = { status: 500, text: '', retryAfter: '' };
    const server = await FakeServer.start(() => {
      const r = reply;
      const headers: Record<string, string> = r.retryAfter ? { 'retry-after': r.retryAfter } : {};
      return { status: r.status, text: r.text, headers };
    });
    try {
      const http = createHttpClient({ deadlineMs: 2000 });
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 200, max: 599 }).filter((s) => s < 300 || s >= 400),
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.string(),
          ),
          fc.oneof(
            fc.constant(''),
            fc.string().filter((s) => /^[\x21-\x7e ]*$/.test(s)),
            fc.nat().map(String),
          ),
          async (status, text, retryAfter) => {
            reply = { status, text, retryAfter };
            try {
              await http.json(
                { method: 'GET', url: server.url },
                { describeError: (b) => (typeof b === 'string' ? b : undefined) },
              );
              expect(status).toBeLessThan(300);
              expect(() => JSON.parse(text)).not.toThrow();
            } catch (thrown) {
              expect(thrown).toBeInstanceOf(AppFailure);
              const error = toProviderError(thrown);
              expect(error.kind).toBe(expectedKind(status));
              expect(say(error.message).length).toBeGreaterThan(0);
              expect(say(error.message).length).toBeLessThan(400);
              if (error.retryAfterSeconds !== undefined)
                expect(Number.isFinite(error.retryAfterSeconds)).toBe(true);
            }
          },
        ),
        { numRuns: 200 },
      );
    } finally {
      await server.close();
    }
  });

  it('Retry-After is a finite, non-negative number of seconds or nothing', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string()),
        fc.date({ noInvalidDate: true }),
        (value, date, now) => {
          const seconds = parseRetryAfter(value, date, now);
          if (seconds !== undefined) expect(Number.isFinite(seconds) && seconds >= 0).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('fuzzing: config and IPC schemas', () => {
  it('the config parser never throws on any JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ version: fc.constant(1), accounts: fc.array(fc.jsonValue()) })),
        (value) => {
          const result = ConfigFile.safeParse(value);
          if (result.success) {
            // What is accepted reads back the same once written, and has unique, well-formed ids.
            expect(ConfigFile.parse(JSON.parse(JSON.stringify(result.data)))).toEqual(result.data);
            const ids = result.data.accounts.map((a) => a.id);
            expect(new Set(ids).size).toBe(ids.length);
          } else {
            // What is refused is named field by field, one line per problem.
            const lines = say(describeIssues(result.error)).split('\n');
            expect(lines).toHaveLength(result.error.issues.length);
            for (const line of lines) expect(line).toMatch(/^[^:]+: \S/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('every IPC channel answers any payload with a result object, never a throw', async () => {
    const sender = { fromAppWindow: true, isTopFrame: true, url: 'file:///app/index.html' };
    for (const channel of Object.keys(INVOKE) as InvokeChannel[]) {
      let called = 0;
      const handler = guardInvoke(
        channel,
        (async () => {
          called++;
          return null;
        }) as never,
        'file:///app/',
      );
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (payload) => {
          const before = called;
          const result = await handler(sender, payload);
          const valid = INVOKE[channel].request.safeParse(payload).success;
          // The handler runs for exactly the payloads the schema accepts; the rest are refused as such.
          expect(called - before).toBe(valid ? 1 : 0);
          if (!valid) expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
        }),
        { numRuns: 100 },
      );
    }
  });
});

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RefreshDeps, refreshAccount } from '../../main/core/monitor/refresh-account';
import { createHttpClient } from '../../main/core/providers/http';
import { createSnapshotCache } from '../../main/core/store/cache';
import type { Snapshot } from '../../shared/model';
import type { Fault } from '../fakes/fake-server';
import { type FakeProvider, startHappenstance } from '../fakes/providers';
import { spoken } from '../support/said';

const NOW = new Date('2026-11-22T12:00:00Z');

let hs: FakeProvider;
let deps: RefreshDeps;
let primed: Snapshot;

beforeAll(async () => {
  hs = await startHappenstance();
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-faults-'));
  deps = {
    http: createHttpClient({ deadlineMs: 600, now: () => NOW }),
    secrets: async () => hs.key,
    cache: createSnapshotCache(path.join(dir, 'cache')),
    now: () => NOW,
  };
  const first = await refreshAccount(hs.account(), deps);
  primed = first.snapshot as Snapshot;
});
afterAll(() => hs.close());

const usage = { has_credits: true, purchases: [], usage: [] };

describe('provider faults beyond the contract matrix', () => {
  it.each<[string, Fault, string, RegExp]>([
    [
      'a renamed field',
      { type: 'reply', reply: { json: { balance: 10, ...usage } } },
      'bad_response',
      /balance_credits/,
    ],
    [
      'a number sent as a string',
      { type: 'reply', reply: { json: { balance_credits: '10', ...usage } } },
      'bad_response',
      /expected number/,
    ],
    [
      'null where a number belongs',
      { type: 'reply', reply: { json: { balance_credits: null, ...usage } } },
      'bad_response',
      /balance_credits/,
    ],
    ['an endless chunked body', { type: 'endless' }, 'bad_response', /larger than 2048 KiB/],
    ['headers that trickle in', { type: 'slow-headers' }, 'timeout', /within 600 ms/],
    ['a body that stalls', { type: 'stall-body' }, 'timeout', /within 600 ms/],
    ['a connection reset mid-body', { type: 'reset-body' }, 'network', /cut off/],
  ])('%s: %s, the last value kept', async (_name, fault, kind, message) => {
    hs.server.fail(fault);
    const result = await refreshAccount(hs.account(), deps);
    expect(result.error?.kind).toBe(kind);
    expect(spoken(result.error?.message)).toMatch(message);
    expect(result.snapshot).toEqual(primed);
    expect(result.stale).toBe(true);
  });

  it('a negative balance is a real answer: empty, not an error', async () => {
    hs.balance = -40;
    try {
      const result = await refreshAccount(hs.account(), deps);
      expect(result.error).toBeNull();
      expect(result.snapshot?.remaining).toBe(-40);
    } finally {
      hs.balance = 1840;
      await refreshAccount(hs.account(), deps);
    }
  });

  it('Retry-After as an HTTP-date is measured against the response’s Date', async () => {
    hs.server.fail({
      type: 'reply',
      reply: hs.errorReply(429, 'slow down', {
        'retry-after': 'Sun, 22 Nov 2026 12:10:00 GMT',
        date: 'Sun, 22 Nov 2026 12:00:00 GMT',
      }),
    });
    const result = await refreshAccount(hs.account(), deps);
    expect(result.error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 600 });
  });

  it('a DNS failure is a network error that names the host', async () => {
    const result = await refreshAccount({ ...hs.account(), baseUrl: 'https://creditbar-test.invalid' }, deps);
    expect(result.error?.kind).toBe('network');
    expect(spoken(result.error?.message)).toBe(
      'Could not find creditbar-test.invalid (DNS lookup failed; offline?)',
    );
    expect(result.snapshot).toEqual(primed);
  });
});

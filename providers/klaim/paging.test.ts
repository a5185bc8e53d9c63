/**
 * Klaim's paging against servers that misbehave: a cursor handed back twice, pages that never end in time, and
 * timestamps in seconds where the document says milliseconds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { statusTable } from '../../main/cli/format';
import { refreshAccount } from '../../main/core/monitor/refresh-account';
import { outlookOf, toAccountStatus } from '../../main/core/present/account-status';
import { createHttpClient } from '../../main/core/providers/http';
import { NO_CACHE } from '../../main/core/store/cache';
import { FakeServer } from '../../test/fakes/fake-server';
import { english } from '../../test/support/english';
import { spoken } from '../../test/support/said';
import { epochMs, klaim } from './adapter';
import { startKlaim } from './fake';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const record = (balance: number, at: number) => ({
  user_id: 'u1',
  created_at: at,
  credit_change: 1,
  credit_balance: balance,
  source_type: 'api',
  description: 'paid for credit',
});

const deps = (deadlineMs = 5000, pollDeadlineMs?: number) => ({
  http: createHttpClient({ deadlineMs }),
  secrets: async () => 'klaim-key-123456',
  cache: NO_CACHE,
  now: () => new Date('2026-11-22T12:00:00Z'),
  ...(pollDeadlineMs ? { pollDeadlineMs } : {}),
});

describe('klaim paging', () => {
  it('a cursor handed back twice stops the paging at once, and the answer is marked partial', async () => {
    const server = await FakeServer.start(() => ({
      json: { message: 'ok', data: [record(700, 1_763_700_000_000)], lastKey: { type_id: 'same' } },
    }));
    servers.push(server);
    const account = { id: 'k', provider: 'klaim' as const, label: 'K', baseUrl: server.url, userId: 'u1' };
    const result = await refreshAccount(account, deps());
    expect(result.error).toBeNull();
    expect(result.snapshot?.extras.partial).toBe(true);
    // The first page, then the page its cursor named, whose cursor was the same again.
    expect(server.requests).toHaveLength(2);
    // status and watch say so.
    const status = toAccountStatus(result, new Date('2026-11-22T12:00:00Z'), null);
    expect(status.partial).toBe(true);
    const table = statusTable(
      english,
      [{ status, outlook: outlookOf(null, null) }],
      new Date('2026-11-22T12:00:00Z'),
    );
    expect(table.cells[0]?.[table.painted.column]).toMatch(/\(partial\)/);
  });

  it('one deadline for the whole poll, all pages together', async () => {
    const fake = await startKlaim();
    servers.push(fake);
    // The second page never comes; each request alone may take 5 s, the whole poll only 0.5 s.
    fake.server.fail({ type: 'hang', path: `/users/${fake.account().userId}/credits/usage` });
    const result = await refreshAccount(fake.account(), {
      ...deps(5000, 500),
      secrets: async () => fake.key,
    });
    expect(result.error).toMatchObject({ kind: 'timeout' });
    expect(spoken(result.error?.message)).toMatch(/within 1 s for this account, all its requests together/);
  });

  it.each([
    ['milliseconds', 1_763_700_000_000, '2025-11-21T04:40:00.000Z'],
    ['seconds', 1_763_700_000, '2025-11-21T04:40:00.000Z'],
  ])('created_at in %s reads as the same moment', (_name, at, iso) => {
    expect(new Date(epochMs(at)).toISOString()).toBe(iso);
    const snapshot = klaim.normalize(
      { records: [record(800, at - 3600), record(700, at)], complete: true },
      new Date('2025-11-22T00:00:00Z'),
    );
    expect(snapshot.usage[0]?.at).toBe(iso);
  });
});

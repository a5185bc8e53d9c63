import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RefreshDeps, refreshAccount } from '../../../main/core/monitor/refresh-account';
import { createHttpClient } from '../../../main/core/providers/http';
import { createSnapshotCache } from '../../../main/core/store/cache';
import { LedgerStore } from '../../../main/core/store/ledger-store';
import { Account } from '../../../shared/config';
import { keepsLedger } from '../../../shared/providers';
import { FakeServer } from '../../fakes/fake-server';

const KEY = 'spend_0123456789';
let total = 10;
let server: FakeServer;

beforeAll(async () => {
  // An endpoint that reports what was spent this month, not what is left (as many billing APIs do).
  server = await FakeServer.start((request) =>
    request.headers['x-api-key'] === KEY
      ? { json: { billing: { month_to_date_usd: String(total) } } }
      : { status: 401, json: { message: 'bad key' } },
  );
});
afterAll(() => server.close());

describe('a custom endpoint read with `spent` keeps a ledger like a cost report', () => {
  it('the schema takes spent instead of remaining, and refuses an endpoint with neither', () => {
    const base = {
      id: 'bill',
      provider: 'custom',
      label: 'Billing',
      custom: { url: 'https://x.example/usage' },
    };
    const spent = Account.safeParse({
      ...base,
      custom: { ...base.custom, spent: 'billing.total', unit: 'USD' },
    });
    expect(spent.success && keepsLedger(spent.data)).toBe(true);
    const neither = Account.safeParse(base);
    expect(neither.success).toBe(false);
    const both = Account.parse({ ...base, custom: { ...base.custom, remaining: 'a', spent: 'b' } });
    // A balance read from the endpoint is the balance: no ledger.
    expect(keepsLedger(both)).toBe(false);
  });

  it('the growth of the total since the last reading is spent today; a total that starts again is all new', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-spent-'));
    const now = new Date();
    const ledger = new LedgerStore(path.join(dir, 'ledger.json'));
    const deps: RefreshDeps = {
      http: createHttpClient(),
      secrets: async () => KEY,
      cache: createSnapshotCache(path.join(dir, 'cache')),
      now: () => now,
      ledger,
    };
    const account = Account.parse({
      id: 'bill',
      provider: 'custom',
      label: 'Billing',
      custom: {
        url: `${server.url}/usage`,
        auth: 'header',
        authHeader: 'X-Api-Key',
        authScheme: '',
        spent: '$number(billing.month_to_date_usd)',
        unit: 'USD',
      },
    });
    const first = await refreshAccount(account, deps);
    expect(first.error).toBeNull();
    expect(first.snapshot?.remaining).toBeNull();
    expect(first.snapshot?.extras.ledger?.statedAt).toBeNull();

    await ledger.add('bill', {
      kind: 'balance',
      amount: '50',
      at: now.toISOString(),
      recordedAt: now.toISOString(),
      spentEarlierThatDay: '0',
    });
    total = 12.5;
    expect((await refreshAccount(account, deps)).snapshot?.remaining).toBe(47.5);
    total = 1;
    const restarted = await refreshAccount(account, deps);
    expect(restarted.snapshot?.remaining).toBe(46.5);
    expect(restarted.snapshot?.extras.ledger).toMatchObject({ spent: 3.5, spentToday: 3.5 });
  });
});

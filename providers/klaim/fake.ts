import { fixture } from '../../test/fakes/fake-server';
import { type FakeProvider, startFake } from '../../test/fakes/start-fake';

/** Klaim pages two records at a time so every poll walks the `lastKey` → `starting_after` cursor. */
export function startKlaim(
  key = 'klaim_k_1a2b3c4d5e6f',
  userId = 'GtQ5Oezk6cOvSmPgxsMR',
): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: { message: detail },
  });
  const PAGE = 2;
  return startFake({
    provider: 'klaim',
    key,
    balance: 706,
    errorReply,
    accountFields: (url) => ({ baseUrl: url, userId }),
    handle(request, self) {
      if (request.headers.authorization !== `Bearer ${self.key}`) return errorReply(401, 'Unauthorized');
      if (request.method !== 'POST' || request.path !== `/users/${userId}/credits/usage`) {
        return errorReply(404, fixture<{ message: string }>('klaim', 'error-404.json').message);
      }
      if (!String(request.headers['content-type']).startsWith('application/json')) {
        return errorReply(400, 'Content-Type must be application/json');
      }
      // Five records, oldest first: a top-up then steady use down to the live balance.
      const base = 1_763_700_000_000;
      const balances = [
        self.balance + 300,
        self.balance + 1300,
        self.balance + 200,
        self.balance + 100,
        self.balance,
      ];
      const records = balances.map((credit_balance, i) => ({
        user_id: userId,
        created_at: base + i * 3_600_000,
        credit_change: i === 0 ? 0 : credit_balance - (balances[i - 1] as number),
        credit_balance,
        source_type: 'api',
        description: i === 1 ? 'top-up' : 'paid for credit',
      }));
      const cursor = (JSON.parse(request.body || '{}') as { starting_after?: { type_id?: string } })
        .starting_after;
      const start = cursor?.type_id ? Number(cursor.type_id) : 0;
      const page = records.slice(start, start + PAGE);
      const next =
        start + PAGE < records.length
          ? { prefix_app_id: '_credit-usage_app', type_id: String(start + PAGE) }
          : undefined;
      return {
        json: { message: 'fetch resource successfully', data: page, ...(next ? { lastKey: next } : {}) },
      };
    },
  });
}

/** The fake every provider folder exports by this name: the test suite finds it by the folder. */
export const start = startKlaim;

import type { ProviderId } from '../../shared/providers';
import { fixture } from './fake-server';
import { PRESET_STARTERS } from './preset-fakes';
import { type FakeProvider, notFound, startFake } from './start-fake';

export type { FakeProvider } from './start-fake';

export function startHappenstance(key = 'hs_live_9f8e7d6c5b4a'): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    json: {
      type: 'https://developer.happenstance.ai/errors/x',
      title: 'Error',
      status,
      detail,
      instance: '/v1/usage',
    },
  });
  return startFake({
    provider: 'happenstance',
    key,
    balance: 1840,
    errorReply,
    accountFields: (url) => ({ baseUrl: url }),
    handle(request, self) {
      if (request.headers.authorization !== `Bearer ${self.key}`) return errorReply(401, 'Invalid API key');
      if (request.method !== 'GET' || request.path !== '/v1/usage') return notFound(errorReply);
      return { json: { ...fixture<object>('happenstance', 'usage.json'), balance_credits: self.balance } };
    },
  });
}

export function startGenerect(key = 'gen_5c4b3a29d8e7f6'): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: { status: 'error', status_code: status, detail },
  });
  return startFake({
    provider: 'generect',
    key,
    balance: 5000,
    errorReply,
    accountFields: (url) => ({ baseUrl: url }),
    handle(request, self) {
      if (request.headers.authorization !== `Token ${self.key}`) {
        return errorReply(401, 'Authentication credentials were not provided.');
      }
      if (request.method === 'GET' && request.path === '/api/v1/accounts/me/') {
        const me = fixture<{ data: { credits: object } }>('generect', 'me.json');
        return { json: { data: { ...me.data, credits: { ...me.data.credits, balance: self.balance } } } };
      }
      if (request.method === 'GET' && request.path === '/api/v1/accounts/usage/') {
        return { json: fixture('generect', 'usage.json') };
      }
      return notFound(errorReply);
    },
  });
}

export function startRichUtilities(key = 'eyJhbGciOiJIUzI1NiJ9.rich.sig'): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: { error: { code: String(status), message: detail } },
  });
  const ledger = fixture<object[]>('richutilities', 'ledger.json');
  return startFake({
    provider: 'richutilities',
    key,
    balance: 120,
    errorReply,
    accountFields: (url) => ({ baseUrl: `${url}/v2` }),
    handle(request, self) {
      if (request.headers.authorization !== `Bearer ${self.key}`)
        return errorReply(401, 'Token expired or invalid');
      if (request.method !== 'GET') return notFound(errorReply);
      switch (request.path) {
        case '/v2/auth/account/credits':
          return {
            json: {
              ...fixture<object>('richutilities', 'credits.json'),
              available: self.balance,
              balance: self.balance + 5.5,
            },
          };
        case '/v2/auth/account/usage':
          return { json: fixture('richutilities', 'usage-daily.json') };
        case '/v2/auth/account/ledger': {
          const limit = Math.min(100, Number(request.query.get('limit') ?? 50));
          const offset = Number(request.query.get('offset') ?? 0);
          return { json: { data: ledger.slice(offset, offset + limit) } };
        }
        default:
          return notFound(errorReply);
      }
    },
  });
}

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

export function startMeteredBilling(key = 'mb_session_77aa88bb99cc'): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: {
      success: false,
      error: { code: status === 401 ? 'UNAUTHORIZED' : `E${status}`, message: detail },
    },
  });
  return startFake({
    provider: 'metered-billing',
    key,
    // Not prepaid: "balance" drives the API-calls quota so tests can push it over thresholds.
    balance: 45230,
    errorReply,
    accountFields: (url) => ({ baseUrl: url }),
    handle(request, self) {
      if (request.headers.authorization !== `Bearer ${self.key}`)
        return errorReply(401, 'Authentication required');
      if (request.method !== 'GET' || request.path !== '/api/billing/usage') return notFound(errorReply);
      const body = fixture<{ data: { metrics: { apiCalls: object } } }>('metered-billing', 'usage.json');
      const apiCalls = { ...body.data.metrics.apiCalls, used: self.balance, percentage: self.balance / 1000 };
      return { json: { ...body, data: { ...body.data, metrics: { ...body.data.metrics, apiCalls } } } };
    },
  });
}

export function startCustom(key = 'cust_0123456789abcdef'): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: { message: detail },
  });
  return startFake({
    provider: 'custom',
    key,
    balance: 412.5,
    errorReply,
    accountFields: (url) => ({
      custom: {
        method: 'GET',
        url: `${url}/me/credits`,
        auth: 'header',
        authHeader: 'X-Api-Key',
        authScheme: '',
        // Numbers come as text in this answer: $number reads them.
        remaining: '$number(account.credits.left)',
        limit: '$number(account.credits.monthly)',
        unit: 'tokens',
      },
    }),
    handle(request, self) {
      if (request.headers['x-api-key'] !== self.key) return errorReply(401, 'bad api key');
      if (request.path !== '/me/credits') return notFound(errorReply);
      const body = fixture<{ account: { credits: object } }>('custom', 'answer.json');
      return {
        json: {
          account: { ...body.account, credits: { ...body.account.credits, left: String(self.balance) } },
        },
      };
    },
  });
}

/** The providers that talk to a server: every one but the demo. */
export type NetworkProviderId = Exclude<ProviderId, 'demo'>;

export const FAKE_STARTERS: Record<NetworkProviderId, () => Promise<FakeProvider>> = {
  happenstance: () => startHappenstance(),
  generect: () => startGenerect(),
  richutilities: () => startRichUtilities(),
  klaim: () => startKlaim(),
  'metered-billing': () => startMeteredBilling(),
  custom: () => startCustom(),
  ...PRESET_STARTERS,
};

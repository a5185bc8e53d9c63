import { PROVIDERS, type PresetId, type ProviderId } from '../../shared/providers';
import { type FakeReply, fixture, type RecordedRequest } from './fake-server';
import { type FakeProvider, notFound, startFake } from './start-fake';

/**
 * Loopback stand-ins for the presets, each written from its vendor's documentation: the path (with the account's
 * parameters in it), where the vendor takes the key (a header with its scheme, HTTP Basic, or a query parameter),
 * the vendor's documented example answer (test/fixtures/<preset>/), and how the balance shows in it.
 */
interface PresetFake {
  key: string;
  /** The documented example, as the fake serves it. */
  fixture: string;
  params?: Record<string, string>;
  /** The vendor's documented remaining value in the example, and how a new one is written into it. */
  balance: number;
  withBalance(document: Record<string, unknown>, balance: number): Record<string, unknown>;
  /** The vendor's way of taking the key, as its documentation gives it. */
  accepts(request: RecordedRequest, key: string): boolean;
  errorBody?: (detail: string) => unknown;
}

const bearer = (request: RecordedRequest, key: string) => request.headers.authorization === `Bearer ${key}`;
const header =
  (name: string, scheme = '') =>
  (request: RecordedRequest, key: string) =>
    request.headers[name] === (scheme ? `${scheme} ${key}` : key);
const query = (name: string) => (request: RecordedRequest, key: string) => request.query.get(name) === key;

type Doc = Record<string, unknown>;
const at = (document: Doc, key: string) => document[key] as Doc;

export type { PresetId };

const FAKES: Record<PresetId, PresetFake> = {
  openrouter: {
    key: 'sk-or-v1-0123456789abcdef0123456789abcdef',
    fixture: 'key.json',
    balance: 74.5,
    withBalance: (d, b) => ({ data: { ...at(d, 'data'), limit_remaining: b, usage: 100 - b } }),
    accepts: bearer,
    errorBody: (detail) => ({ error: { code: 401, message: detail } }),
  },
  'openrouter-credits': {
    key: 'sk-or-v1-mgmt-fedcba9876543210fedcba98',
    fixture: 'credits.json',
    balance: 74.75,
    withBalance: (d, b) => ({ data: { ...at(d, 'data'), total_usage: 100.5 - b } }),
    accepts: bearer,
    errorBody: (detail) => ({ error: { code: 401, message: detail } }),
  },
  deepl: {
    key: '0b7e5a11-2f7c-4c55-9a3e-1c2d3e4f5a6b',
    fixture: 'usage.json',
    balance: 1_069_882,
    withBalance: (d, b) => ({ ...d, character_count: 1_250_000 - b }),
    accepts: header('authorization', 'DeepL-Auth-Key'),
  },
  elevenlabs: {
    key: 'sk_4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
    fixture: 'subscription.json',
    balance: 9000,
    withBalance: (d, b) => ({ ...d, character_count: 10_000 - b }),
    accepts: header('xi-api-key'),
    errorBody: (detail) => ({ detail: { status: 'invalid_api_key', message: detail } }),
  },
  serpapi: {
    key: 'f3e2d1c0b9a8f3e2d1c0b9a8f3e2d1c0b9a8f3e2d1c0b9a8f3e2d1c0b9a8abcd',
    fixture: 'account.json',
    balance: 5958,
    withBalance: (d, b) => ({ ...d, total_searches_left: b, plan_searches_left: b }),
    accepts: query('api_key'),
    errorBody: (detail) => ({ error: detail }),
  },
  firecrawl: {
    key: 'fc-0123456789abcdef0123456789abcdef',
    fixture: 'credit-usage.json',
    balance: 1000,
    withBalance: (d, b) => ({ ...d, data: { ...at(d, 'data'), remainingCredits: b } }),
    accepts: bearer,
    errorBody: (detail) => ({ success: false, error: detail }),
  },
  twilio: {
    key: 'twilio_auth_token_0123456789abcdef',
    fixture: 'balance.json',
    params: { accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    balance: 0.05,
    withBalance: (d, b) => ({ ...d, balance: b.toFixed(2) }),
    accepts: (request, key) =>
      request.headers.authorization ===
      `Basic ${Buffer.from(`ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:${key}`).toString('base64')}`,
    errorBody: (detail) => ({
      code: 20003,
      message: detail,
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    }),
  },
  deepseek: {
    key: 'sk-0123456789abcdef0123456789abcdef',
    fixture: 'balance.json',
    params: { currency: 'CNY' },
    balance: 110,
    withBalance: (d, b) => ({
      ...d,
      balance_infos: (d.balance_infos as Doc[]).map((info) => ({ ...info, total_balance: b.toFixed(2) })),
    }),
    accepts: bearer,
    errorBody: (detail) => ({ error: { message: detail, type: 'authentication_error' } }),
  },
  hunter: {
    key: 'hunter0123456789abcdef0123456789abcdef01',
    fixture: 'account.json',
    balance: 3690,
    withBalance: (d, b) => {
      const data = at(d, 'data');
      const requests = at(data, 'requests');
      return { data: { ...data, requests: { ...requests, credits: { used: 6000 - b, available: 6000 } } } };
    },
    accepts: header('x-api-key'),
    errorBody: (detail) => ({ errors: [{ id: 'authentication_failed', code: 401, details: detail }] }),
  },
  coingecko: {
    key: 'CG-0123456789abcdefABCDEF01',
    fixture: 'key.json',
    balance: 999_693,
    withBalance: (d, b) => ({
      ...d,
      current_remaining_monthly_calls: b,
      current_total_monthly_calls: 1_000_000 - b,
    }),
    accepts: header('x-cg-pro-api-key'),
    errorBody: (detail) => ({ status: { error_code: 10002, error_message: detail } }),
  },
  scrapeops: {
    key: 'scrapeops-0123456789abcdef0123456789',
    fixture: 'usage.json',
    balance: 544_668,
    withBalance: (d, b) => ({ ...d, used_api_credits: 1_000_000 - b }),
    accepts: query('api_key'),
    errorBody: (detail) => ({ error: detail }),
  },
  scrapedo: {
    key: 'scrapedo0123456789abcdef0123456789ab',
    fixture: 'info.json',
    balance: 2_565_023,
    withBalance: (d, b) => ({ ...d, RemainingMonthlyRequest: b }),
    accepts: query('token'),
  },
};

function startPreset(id: ProviderId, spec: PresetFake): Promise<FakeProvider> {
  const preset = PROVIDERS[id].preset;
  if (!preset) throw new Error(`${id} is not a preset`);
  const path = preset.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(spec.params?.[name] ?? ''),
  );
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: spec.errorBody ? spec.errorBody(detail) : { message: detail },
  });
  return startFake({
    provider: id,
    key: spec.key,
    balance: spec.balance,
    errorReply,
    accountFields: (url) => ({ baseUrl: url, ...(spec.params ? { params: spec.params } : {}) }),
    handle(request, self): FakeReply {
      if (!spec.accepts(request, self.key)) return errorReply(401, 'Invalid API key');
      if (request.method !== (preset.endpoint.method ?? 'GET') || request.path !== path) {
        return notFound(errorReply);
      }
      return { json: spec.withBalance(fixture<Doc>(id, spec.fixture), self.balance) };
    },
  });
}

export const PRESET_IDS = Object.keys(FAKES) as PresetId[];

/** The documented example a preset's fake serves, by file name under test/fixtures/<preset>/. */
export function presetFixture(id: PresetId): string {
  return FAKES[id].fixture;
}

/** The parameters a preset's fake expects the account to carry (Twilio's SID, DeepSeek's currency). */
export function presetParams(id: PresetId): Record<string, string> | undefined {
  return FAKES[id].params;
}

export const PRESET_STARTERS = Object.fromEntries(
  PRESET_IDS.map((id) => [id, () => startPreset(id, FAKES[id])]),
) as Record<PresetId, () => Promise<FakeProvider>>;

import { fixture } from '../../test/fakes/fake-server';
import { type FakeProvider, notFound, startFake } from '../../test/fakes/start-fake';

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

/** The fake every provider folder exports by this name: the test suite finds it by the folder. */
export const start = startRichUtilities;

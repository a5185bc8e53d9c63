import { fixture } from '../../test/fakes/fake-server';
import { type FakeProvider, notFound, startFake } from '../../test/fakes/start-fake';

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

/** The fake every provider folder exports by this name: the test suite finds it by the folder. */
export const start = startGenerect;

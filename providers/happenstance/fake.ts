import { fixture } from '../../test/fakes/fake-server';
import { type FakeProvider, notFound, startFake } from '../../test/fakes/start-fake';

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

/** The fake every provider folder exports by this name: the test suite finds it by the folder. */
export const start = startHappenstance;

import { fixture } from '../../test/fakes/fake-server';
import { type FakeProvider, notFound, startFake } from '../../test/fakes/start-fake';

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

/** The fake every provider folder exports by this name: the test suite finds it by the folder. */
export const start = startMeteredBilling;

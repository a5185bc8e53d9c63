import { type CostReportFake, pageOfDays, withCostState } from '../../test/fakes/cost-report-fake';
import type { FakeReply } from '../../test/fakes/fake-server';
import { startFake } from '../../test/fakes/start-fake';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/**
 * Anthropic's cost report as documented: `GET /v1/organizations/cost_report` with `x-api-key` (an Admin key) and
 * `anthropic-version: 2023-06-01`, daily buckets snapped to UTC midnight from `starting_at` (RFC 3339), one per
 * day including days with no cost (`results: []`), `limit` 1–31 a page, amounts as strings in cents.
 */
export async function startAnthropic(key = 'sk-ant-admin01-Qp7tV2xWm9'): Promise<CostReportFake> {
  const errorReply = (status: number, detail: string, headers?: Record<string, string>): FakeReply => ({
    status,
    headers: { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy', ...headers },
    json: {
      type: 'error',
      error: { type: ERROR_TYPES[status] ?? 'api_error', message: detail },
      request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    },
  });
  const fake = await startFake({
    provider: 'anthropic',
    key,
    balance: 0,
    errorReply,
    accountFields: (url) => ({ baseUrl: `${url}/v1` }),
    handle(request, self) {
      const state = self as CostReportFake;
      if (request.headers['anthropic-version'] !== '2023-06-01')
        return errorReply(400, 'anthropic-version: header is required');
      if (request.headers['x-api-key'] !== self.key) return errorReply(401, 'invalid x-api-key');
      if (request.method !== 'GET' || request.path !== '/v1/organizations/cost_report')
        return errorReply(404, 'Not found');
      const startingAt = Date.parse(request.query.get('starting_at') ?? '');
      if (!Number.isFinite(startingAt)) return errorReply(400, 'starting_at: Field required');
      const page = pageOfDays(request.query, startingAt, state.now, 31);
      if ('wrong' in page)
        return errorReply(
          400,
          page.wrong === 'limit'
            ? 'limit: Input should be less than or equal to 31'
            : 'page: invalid page token',
        );
      return {
        json: {
          data: page.days.map(({ t }) => {
            const cost = Number(state.costs.get(new Date(t).toISOString().slice(0, 10)) ?? 0);
            return {
              starting_at: new Date(t).toISOString().replace('.000Z', 'Z'),
              ending_at: new Date(t + 86_400_000).toISOString().replace('.000Z', 'Z'),
              results:
                cost === 0
                  ? []
                  : [
                      {
                        // Cents, as a decimal string: $1.25 is "125.0000".
                        amount: (cost * 100).toFixed(4),
                        currency: 'USD',
                        cost_type: null,
                        description: null,
                        model: null,
                        service_tier: null,
                        token_type: null,
                        context_window: null,
                        inference_geo: null,
                        workspace_id: null,
                      },
                    ],
            };
          }),
          has_more: page.next !== null,
          next_page: page.next,
        },
      };
    },
  });
  return withCostState(fake);
}

/** The fake every provider folder exports by this name: the test suite finds it by the folder. */
export const start = startAnthropic;

import { type CostReportFake, pageOfDays, withCostState } from '../../test/fakes/cost-report-fake';
import type { FakeReply } from '../../test/fakes/fake-server';
import { startFake } from '../../test/fakes/start-fake';

/**
 * OpenAI's organization Costs API as documented: `GET /v1/organization/costs` with an Admin key as a bearer token,
 * daily buckets from `start_time` (Unix seconds) up to today, `limit` buckets a page (1–180, default 7) and a
 * `next_page` cursor. Amounts are dollars, sent as numbers on even days and as strings on odd ones (the live API has
 * sent both); a day with no cost has no results.
 */
export async function startOpenAi(key = 'sk-admin-Xk2v9QeL4mT0aRzs'): Promise<CostReportFake> {
  const errorReply = (status: number, detail: string, headers?: Record<string, string>): FakeReply => ({
    status,
    headers,
    json: {
      error: {
        message: detail,
        type: status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error',
        param: null,
        code: status === 401 ? 'invalid_api_key' : null,
      },
    },
  });
  const fake = await startFake({
    provider: 'openai',
    key,
    balance: 0,
    errorReply,
    accountFields: (url) => ({ baseUrl: `${url}/v1` }),
    handle(request, self) {
      const state = self as CostReportFake;
      if (request.headers.authorization !== `Bearer ${self.key}`)
        return errorReply(401, 'Incorrect API key provided.');
      if (request.method !== 'GET' || request.path !== '/v1/organization/costs')
        return errorReply(404, `Invalid URL (${request.method} ${request.path})`);
      const start = Number(request.query.get('start_time') ?? Number.NaN);
      if (!Number.isInteger(start)) return errorReply(400, "Missing required parameter: 'start_time'.");
      if ((request.query.get('bucket_width') ?? '1d') !== '1d')
        return errorReply(400, "Invalid value for 'bucket_width': only 1d is supported.");
      const page = pageOfDays(request.query, start * 1000, state.now, 180);
      if ('wrong' in page)
        return errorReply(
          400,
          page.wrong === 'limit'
            ? "Invalid value for 'limit': must be between 1 and 180."
            : "Invalid value for 'page'.",
        );
      return {
        json: {
          object: 'page',
          data: page.days.map(({ t, index }) => {
            const cost = state.costs.get(new Date(t).toISOString().slice(0, 10)) ?? 0;
            const value = index % 2 === 0 ? Number(cost) : String(cost);
            return {
              object: 'bucket',
              start_time: t / 1000,
              end_time: t / 1000 + 86_400,
              results:
                Number(cost) === 0
                  ? []
                  : [
                      {
                        object: 'organization.costs.result',
                        amount: { value, currency: 'usd' },
                        line_item: null,
                        project_id: null,
                        api_key_id: null,
                        quantity: null,
                        quantity_unit: null,
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
export const start = startOpenAi;

import { definePreset } from './define-preset';

export const scrapeops = definePreset({
  id: 'scrapeops',
  listRank: 11,
  displayName: 'ScrapeOps proxy',
  host: 'https://backend.scrapeops.io',
  docsUrl: 'https://scrapeops.io/docs/proxy-aggregator/account/usage-endpoint',
  reads:
    '`GET /v1/proxy/account/usage?api_key=…`: `plan_api_credits - used_api_credits`, renewing `plan_renewal_date`',
  preset: {
    path: '/v1/proxy/account/usage',
    endpoint: {
      auth: 'query',
      authParam: 'api_key',
      remaining: 'plan_api_credits - used_api_credits',
      limit: 'plan_api_credits',
      used: 'used_api_credits',
      resetsAt: 'plan_renewal_date',
      unit: 'credits',
    },
  },
});

import { definePreset } from './define-preset';

export const firecrawl = definePreset({
  id: 'firecrawl',
  listRank: 6,
  displayName: 'Firecrawl',
  host: 'https://api.firecrawl.dev',
  docsUrl: 'https://docs.firecrawl.dev/api-reference/endpoint/credit-usage',
  reads:
    '`GET /v2/team/credit-usage`: `data.remainingCredits` of `data.planCredits`, until `data.billingPeriodEnd`',
  preset: {
    path: '/v2/team/credit-usage',
    endpoint: {
      remaining: 'data.remainingCredits',
      limit: 'data.planCredits',
      resetsAt: 'data.billingPeriodEnd',
      unit: 'credits',
    },
  },
});

import { definePreset } from './define-preset';

export const serpapi = definePreset({
  id: 'serpapi',
  listRank: 5,
  displayName: 'SerpApi',
  host: 'https://serpapi.com',
  docsUrl: 'https://serpapi.com/account-api',
  reads: '`GET /account.json?api_key=…`: `total_searches_left` of `searches_per_month`',
  preset: {
    path: '/account.json',
    endpoint: {
      auth: 'query',
      authParam: 'api_key',
      remaining: 'total_searches_left',
      limit: 'searches_per_month',
      used: 'this_month_usage',
      unit: 'searches',
    },
  },
});

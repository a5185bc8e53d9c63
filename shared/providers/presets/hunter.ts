import { definePreset } from './define-preset';

export const hunter = definePreset({
  id: 'hunter',
  listRank: 9,
  displayName: 'Hunter',
  host: 'https://api.hunter.io',
  docsUrl: 'https://hunter.io/api-documentation/v2#account',
  reads:
    '`GET /v2/account`: credits `available - used` of `available` (`data.requests.credits`), reset on `data.reset_date`',
  preset: {
    path: '/v2/account',
    endpoint: {
      authHeader: 'X-API-KEY',
      authScheme: '',
      remaining: 'data.requests.credits.available - data.requests.credits.used',
      limit: 'data.requests.credits.available',
      used: 'data.requests.credits.used',
      resetsAt: 'data.reset_date',
      unit: 'credits',
    },
  },
});

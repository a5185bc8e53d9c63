import { definePreset } from './define-preset';

export const coingecko = definePreset({
  id: 'coingecko',
  listRank: 10,
  displayName: 'CoinGecko Pro',
  host: 'https://pro-api.coingecko.com',
  docsUrl: 'https://docs.coingecko.com/reference/api-usage',
  reads: '`GET /api/v3/key`: `current_remaining_monthly_calls` of `monthly_call_credit`',
  preset: {
    path: '/api/v3/key',
    endpoint: {
      authHeader: 'x-cg-pro-api-key',
      authScheme: '',
      remaining: 'current_remaining_monthly_calls',
      limit: 'monthly_call_credit',
      used: 'current_total_monthly_calls',
      unit: 'calls',
    },
  },
});

import { definePreset } from './define-preset';

/** The account's credit balance, which OpenRouter shows only to a management key. */
export const openrouterCredits = definePreset({
  id: 'openrouter-credits',
  listRank: 2,
  displayName: 'OpenRouter credits (management key)',
  host: 'https://openrouter.ai',
  docsUrl: 'https://openrouter.ai/docs/api/api-reference/credits/get-credits',
  reads:
    '`GET /api/v1/credits`: the account balance `total_credits - total_usage` (USD); needs a management key',
  keyHelp: 'credential.help.openrouter-credits',
  preset: {
    path: '/api/v1/credits',
    endpoint: {
      remaining: 'data.total_credits - data.total_usage',
      limit: 'data.total_credits',
      used: 'data.total_usage',
      unit: 'USD',
    },
  },
});

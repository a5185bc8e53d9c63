import { definePreset } from './define-preset';

/** A key's own spending limit; a key without one has no balance here, only what it spent. */
export const openrouter = definePreset({
  id: 'openrouter',
  listRank: 1,
  displayName: 'OpenRouter',
  host: 'https://openrouter.ai',
  docsUrl: 'https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key',
  reads: '`GET /api/v1/key`: what the key may still spend (`data.limit_remaining`, USD) of its limit',
  preset: {
    path: '/api/v1/key',
    endpoint: {
      authHeader: 'Authorization',
      authScheme: 'Bearer',
      remaining: 'data.limit_remaining',
      limit: 'data.limit',
      used: 'data.usage',
      unit: 'USD',
    },
  },
});

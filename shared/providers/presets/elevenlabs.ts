import { definePreset } from './define-preset';

export const elevenlabs = definePreset({
  id: 'elevenlabs',
  listRank: 4,
  displayName: 'ElevenLabs',
  host: 'https://api.elevenlabs.io',
  docsUrl: 'https://elevenlabs.io/docs/api-reference/user/subscription/get',
  reads:
    '`GET /v1/user/subscription`: `character_count` of `character_limit`, reset at `next_character_count_reset_unix`',
  preset: {
    path: '/v1/user/subscription',
    endpoint: {
      authHeader: 'xi-api-key',
      authScheme: '',
      remaining: 'character_limit - character_count',
      limit: 'character_limit',
      used: 'character_count',
      resetsAt: 'next_character_count_reset_unix',
      unit: 'characters',
    },
  },
});

import { definePreset } from './define-preset';

export const deepl = definePreset({
  id: 'deepl',
  listRank: 3,
  displayName: 'DeepL',
  host: 'https://api.deepl.com',
  docsUrl: 'https://developers.deepl.com/docs/api-reference/usage-and-quota',
  reads:
    '`GET /v2/usage`: `character_count` of `character_limit` this period (free keys, ending `:fx`, ask api-free.deepl.com)',
  preset: {
    path: '/v2/usage',
    keyHosts: [{ keySuffix: ':fx', baseUrl: 'https://api-free.deepl.com' }],
    endpoint: {
      authHeader: 'Authorization',
      authScheme: 'DeepL-Auth-Key',
      remaining: 'character_limit - character_count',
      limit: 'character_limit',
      used: 'character_count',
      unit: 'characters',
    },
  },
});

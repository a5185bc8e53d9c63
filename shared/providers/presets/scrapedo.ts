import { definePreset } from './define-preset';

export const scrapedo = definePreset({
  id: 'scrapedo',
  listRank: 12,
  displayName: 'Scrape.do',
  host: 'https://api.scrape.do',
  docsUrl: 'https://scrape.do/documentation/#usage-statistics-api',
  reads: '`GET /info?token=…`: `RemainingMonthlyRequest` of `MaxMonthlyRequest`',
  preset: {
    path: '/info',
    endpoint: {
      auth: 'query',
      authParam: 'token',
      remaining: 'RemainingMonthlyRequest',
      limit: 'MaxMonthlyRequest',
      unit: 'requests',
    },
  },
});

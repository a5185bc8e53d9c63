import { definePreset } from './define-preset';

export const deepseek = definePreset({
  id: 'deepseek',
  listRank: 8,
  displayName: 'DeepSeek',
  host: 'https://api.deepseek.com',
  docsUrl: 'https://api-docs.deepseek.com/api/get-user-balance',
  reads: '`GET /user/balance`: the `total_balance` (a string) of the chosen currency in `balance_infos`',
  params: [
    {
      path: 'params.currency',
      label: 'field.params.currency.label',
      kind: 'choice',
      choices: ['USD', 'CNY'],
      required: true,
      help: 'field.params.currency.help',
      initial: 'USD',
      flag: 'currency',
    },
  ],
  preset: {
    path: '/user/balance',
    endpoint: {
      remaining: '$number(balance_infos[currency = $currency].total_balance)',
      currency: '$currency',
      unit: 'USD',
    },
  },
});

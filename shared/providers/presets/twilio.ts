import { definePreset } from './define-preset';

export const twilio = definePreset({
  id: 'twilio',
  listRank: 7,
  displayName: 'Twilio',
  host: 'https://api.twilio.com',
  docsUrl: 'https://www.twilio.com/docs/usage/api/account#fetch-an-account-balance',
  reads:
    '`GET /2010-04-01/Accounts/{AccountSid}/Balance.json` (HTTP Basic, SID and auth token): `balance` in `currency`',
  keyHelp: 'credential.help.twilio',
  params: [
    {
      path: 'params.accountSid',
      label: 'field.params.accountSid.label',
      kind: 'text',
      required: true,
      help: 'field.params.accountSid.help',
      pattern: { regex: '^AC[0-9a-fA-F]{32}$', message: 'valid.accountSid' },
      flag: 'account-sid',
    },
  ],
  preset: {
    path: '/2010-04-01/Accounts/{accountSid}/Balance.json',
    endpoint: {
      auth: 'basic',
      authUser: '{accountSid}',
      remaining: '$number(balance)',
      currency: 'currency',
      unit: 'USD',
    },
  },
});

import { definePreset } from './define-preset';

export const twilio = definePreset({
  id: 'twilio',
  displayName: 'Twilio',
  host: 'https://api.twilio.com',
  docsUrl: 'https://www.twilio.com/docs/usage/api/account#fetch-an-account-balance',
  reads:
    '`GET /2010-04-01/Accounts/{AccountSid}/Balance.json` (HTTP Basic, SID and auth token): `balance` in `currency`',
  keyHelp: 'The auth token (the Account SID is its user name); kept in the system keychain',
  params: [
    {
      path: 'params.accountSid',
      label: 'Account SID',
      kind: 'text',
      required: true,
      help: 'AC followed by 32 hexadecimal characters, from the Twilio console',
      pattern: { regex: '^AC[0-9a-fA-F]{32}$', message: 'must be AC followed by 32 hexadecimal characters' },
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

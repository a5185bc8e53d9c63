import { baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const openai = {
  id: 'openai',
  displayName: 'OpenAI',
  defaultBaseUrl: 'https://api.openai.com/v1',
  credential: { kind: 'api-key', label: 'credential.adminKey', help: 'credential.help.openai' },
  fields: [baseUrlField('https://api.openai.com/v1')],
  // Costs come in daily buckets with no published delay or rate limit: a few checks a day show a day's spend,
  // and no check near a level comes sooner than every half hour.
  defaultPollSeconds: 10_800,
  minPollSeconds: 1800,
  docsUrl: 'https://platform.openai.com/docs/api-reference/usage/costs',
  billingUrl: 'https://platform.openai.com/settings/organization/billing/overview',
  reads:
    '`GET /v1/organization/costs` with an Admin key: the costs per UTC day, subtracted from the balance you state (an estimate)',
  inAddForm: true,
  tag: null,
  sample: null,
  ledger: true,
} as const satisfies ProviderDescriptor<'openai'>;

import { baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const anthropic = {
  id: 'anthropic',
  displayName: 'Anthropic',
  defaultBaseUrl: 'https://api.anthropic.com/v1',
  credential: { kind: 'api-key', label: 'credential.adminKey', help: 'credential.help.anthropic' },
  fields: [baseUrlField('https://api.anthropic.com/v1')],
  // Costs land within about five minutes, in daily buckets; the API allows a poll a minute. A few checks a day
  // show a day's spend, and none near a level comes sooner than every half hour.
  defaultPollSeconds: 10_800,
  minPollSeconds: 1800,
  docsUrl: 'https://platform.claude.com/docs/en/api/admin/cost_report/retrieve',
  billingUrl: 'https://platform.claude.com/settings/billing',
  reads:
    '`GET /v1/organizations/cost_report` with an Admin key: the costs per UTC day, subtracted from the balance you state (an estimate)',
  inAddForm: true,
  tag: null,
  sample: null,
  ledger: true,
} as const satisfies ProviderDescriptor<'anthropic'>;

import { API_KEY, baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const happenstance = {
  id: 'happenstance',
  displayName: 'Happenstance',
  defaultBaseUrl: 'https://api.happenstance.ai',
  credential: API_KEY,
  fields: [baseUrlField('https://api.happenstance.ai')],
  defaultPollSeconds: 7200,
  docsUrl: 'https://developer.happenstance.ai',
  reads: '`GET /v1/usage`: balance, usage records, purchases, auto-reload',
  inAddForm: true,
  tag: null,
  sample: null,
} as const satisfies ProviderDescriptor<'happenstance'>;

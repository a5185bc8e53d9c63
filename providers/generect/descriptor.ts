import { API_KEY, baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const generect = {
  id: 'generect',
  displayName: 'Generect',
  defaultBaseUrl: 'https://api.generect.com',
  credential: API_KEY,
  fields: [baseUrlField('https://api.generect.com')],
  defaultPollSeconds: 7200,
  docsUrl: 'https://api.generect.com/docs',
  reads:
    "`GET /api/v1/accounts/me/` (balance, monthly limit) and `/api/v1/accounts/usage/` (this month's per-operation breakdown)",
  inAddForm: true,
  tag: null,
  sample: null,
} as const satisfies ProviderDescriptor<'generect'>;

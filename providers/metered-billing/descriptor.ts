import { API_KEY, baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const meteredBilling = {
  id: 'metered-billing',
  displayName: 'Metered billing',
  defaultBaseUrl: null,
  credential: { ...API_KEY, label: 'credential.sessionToken' },
  fields: [baseUrlField(null)],
  defaultPollSeconds: 7200,
  docsUrl: null,
  reads: '`GET /api/billing/usage`: one quota per metric, estimated cost',
  inAddForm: true,
  tag: null,
  sample: null,
} as const satisfies ProviderDescriptor<'metered-billing'>;

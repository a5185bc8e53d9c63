import { API_KEY, baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const richutilities = {
  id: 'richutilities',
  displayName: 'Rich Utilities',
  defaultBaseUrl: null,
  credential: { ...API_KEY, label: 'credential.accessToken' },
  fields: [baseUrlField(null)],
  defaultPollSeconds: 7200,
  docsUrl: null,
  reads:
    "`/auth/account/credits` (available, reserved, currency, auto-reload), daily usage, and this month's ledger (top-ups)",
  inAddForm: true,
  tag: null,
  sample: null,
} as const satisfies ProviderDescriptor<'richutilities'>;

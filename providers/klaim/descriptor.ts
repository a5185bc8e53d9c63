import { API_KEY, baseUrlField, type ProviderDescriptor } from '../../shared/providers/descriptor';

export const klaim = {
  id: 'klaim',
  displayName: 'Klaim',
  defaultBaseUrl: null,
  credential: API_KEY,
  fields: [
    baseUrlField(null),
    {
      path: 'userId',
      label: 'field.userId.label',
      kind: 'text',
      required: true,
      help: 'field.userId.help',
      flag: 'user-id',
    },
  ],
  // Klaim has no balance endpoint: every poll reads usage pages, so ask less often.
  defaultPollSeconds: 7200,
  docsUrl: null,
  reads: "`POST /users/{userId}/credits/usage`, every page: the newest record's balance, usage and top-ups",
  inAddForm: true,
  tag: null,
  sample: null,
} as const satisfies ProviderDescriptor<'klaim'>;

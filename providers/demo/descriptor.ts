import type { ProviderDescriptor } from '../../shared/providers/descriptor';

/** A simulated account: no host, no key, no request; deterministic from its id and the clock. */
export const demo = {
  id: 'demo',
  displayName: 'Demo',
  defaultBaseUrl: null,
  credential: { kind: 'none' },
  fields: [],
  defaultPollSeconds: 60,
  docsUrl: null,
  reads: 'nothing: a simulated account with a year of history, to try Creditbar without a key',
  inAddForm: false,
  tag: 'tag.demo',
  sample: { id: 'demo', label: 'demo.label' },
} as const satisfies ProviderDescriptor<'demo'>;

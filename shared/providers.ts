import { z } from './zod';

export const ProviderId = z.enum([
  'happenstance',
  'generect',
  'richutilities',
  'klaim',
  'metered-billing',
  'custom',
  'demo',
]);
export type ProviderId = z.infer<typeof ProviderId>;

/** What a provider needs from the person adding an account; the config schema and the add form both read it. */
export interface ProviderInfo {
  displayName: string;
  /** Host used when the account gives no `baseUrl`; null when the provider publishes none. */
  defaultBaseUrl: string | null;
  needsUserId: boolean;
  needsCustom: boolean;
  /** False only for the demo, which simulates an account: no host, no key, no request. */
  needsNetwork: boolean;
  defaultPollSeconds: number;
}

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  happenstance: {
    displayName: 'Happenstance',
    defaultBaseUrl: 'https://api.happenstance.ai',
    needsUserId: false,
    needsCustom: false,
    needsNetwork: true,
    defaultPollSeconds: 300,
  },
  generect: {
    displayName: 'Generect',
    defaultBaseUrl: 'https://api.generect.com',
    needsUserId: false,
    needsCustom: false,
    needsNetwork: true,
    defaultPollSeconds: 300,
  },
  richutilities: {
    displayName: 'Rich Utilities',
    defaultBaseUrl: null,
    needsUserId: false,
    needsCustom: false,
    needsNetwork: true,
    defaultPollSeconds: 300,
  },
  klaim: {
    displayName: 'Klaim',
    defaultBaseUrl: null,
    needsUserId: true,
    needsCustom: false,
    needsNetwork: true,
    // Klaim has no balance endpoint: every poll reads usage pages, so ask less often.
    defaultPollSeconds: 600,
  },
  'metered-billing': {
    displayName: 'Metered billing',
    defaultBaseUrl: null,
    needsUserId: false,
    needsCustom: false,
    needsNetwork: true,
    defaultPollSeconds: 600,
  },
  custom: {
    displayName: 'Custom JSON',
    defaultBaseUrl: null,
    needsUserId: false,
    needsCustom: true,
    needsNetwork: true,
    defaultPollSeconds: 300,
  },
  demo: {
    displayName: 'Demo',
    defaultBaseUrl: null,
    needsUserId: false,
    needsCustom: false,
    needsNetwork: false,
    defaultPollSeconds: 60,
  },
};

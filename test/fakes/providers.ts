import { DESCRIPTORS, hasCredential, isPreset, type ProviderId } from '../../shared/providers';
import { fixture } from './fake-server';
import { PRESET_STARTERS } from './preset-fakes';
import { type FakeProvider, notFound, startFake } from './start-fake';

export { startGenerect } from '../../providers/generect/fake';
export { startHappenstance } from '../../providers/happenstance/fake';
export { startKlaim } from '../../providers/klaim/fake';
export { startMeteredBilling } from '../../providers/metered-billing/fake';
export { startRichUtilities } from '../../providers/richutilities/fake';
export type { FakeProvider } from './start-fake';

export function startCustom(key = 'cust_0123456789abcdef'): Promise<FakeProvider> {
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: { message: detail },
  });
  return startFake({
    provider: 'custom',
    key,
    balance: 412.5,
    errorReply,
    accountFields: (url) => ({
      custom: {
        method: 'GET',
        url: `${url}/me/credits`,
        auth: 'header',
        authHeader: 'X-Api-Key',
        authScheme: '',
        // Numbers come as text in this answer: $number reads them.
        remaining: '$number(account.credits.left)',
        limit: '$number(account.credits.monthly)',
        unit: 'tokens',
      },
    }),
    handle(request, self) {
      if (request.headers['x-api-key'] !== self.key) return errorReply(401, 'bad api key');
      if (request.path !== '/me/credits') return notFound(errorReply);
      const body = fixture<{ account: { credits: object } }>('custom', 'answer.json');
      return {
        json: {
          account: { ...body.account, credits: { ...body.account.credits, left: String(self.balance) } },
        },
      };
    },
  });
}

/** The providers that talk to a server: every one but the demo. */
export type NetworkProviderId = Exclude<ProviderId, 'demo'>;

/**
 * Each native provider's fake, found by its folder (`providers/<id>/fake.ts` exports `start`): adding a provider
 * adds no line here. Presets are served by one fake each from their documented example, and custom by its own.
 */
const NATIVE = DESCRIPTORS.map((d) => d.id).filter(
  (id) => !isPreset(id) && id !== 'custom' && hasCredential(id),
);
const nativeStarters = Object.fromEntries(
  NATIVE.map((id) => [
    id,
    () =>
      (import(`../../providers/${id}/fake.ts`) as Promise<{ start: () => Promise<FakeProvider> }>).then(
        (fake) => fake.start(),
      ),
  ]),
);

export const FAKE_STARTERS = {
  ...nativeStarters,
  custom: () => startCustom(),
  ...PRESET_STARTERS,
} as Record<NetworkProviderId, () => Promise<FakeProvider>>;

import { DESCRIPTORS, isPreset, type ProviderId } from '../../../shared/providers';
import { type Poller, toPoller } from './adapter';
import { customEngine, probe } from './custom/custom';
import { demo } from './demo/demo';
import { generect } from './generect/generect';
import { happenstance } from './happenstance/happenstance';
import { klaim } from './klaim/klaim';
import { meteredBilling } from './metered-billing/metered-billing';
import { richutilities } from './richutilities/richutilities';

/** Every preset is the custom engine over its descriptor's data: no code of its own. */
const ENGINE_POLLERS = Object.fromEntries(
  DESCRIPTORS.filter((d) => isPreset(d.id) || d.id === 'custom').map((d) => [
    d.id,
    { ...toPoller(customEngine(d.id)), probe },
  ]),
) as Record<ProviderId, Poller>;

const POLLERS: Record<ProviderId, Poller> = {
  ...ENGINE_POLLERS,
  happenstance: toPoller(happenstance),
  generect: toPoller(generect),
  richutilities: toPoller(richutilities),
  klaim: toPoller(klaim),
  'metered-billing': toPoller(meteredBilling),
  demo: toPoller(demo),
};

export function pollerFor(provider: ProviderId): Poller {
  return POLLERS[provider];
}

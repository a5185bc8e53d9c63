import type { ProviderId } from '../../../shared/providers';
import { type Poller, toPoller } from './adapter';
import { custom } from './custom/custom';
import { demo } from './demo/demo';
import { generect } from './generect/generect';
import { happenstance } from './happenstance/happenstance';
import { klaim } from './klaim/klaim';
import { meteredBilling } from './metered-billing/metered-billing';
import { richutilities } from './richutilities/richutilities';

const POLLERS: Record<ProviderId, Poller> = {
  happenstance: toPoller(happenstance),
  generect: toPoller(generect),
  richutilities: toPoller(richutilities),
  klaim: toPoller(klaim),
  'metered-billing': toPoller(meteredBilling),
  custom: toPoller(custom),
  demo: toPoller(demo),
};

export function pollerFor(provider: ProviderId): Poller {
  return POLLERS[provider];
}

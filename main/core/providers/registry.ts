import { anthropic } from '../../../providers/anthropic/adapter';
import { demo } from '../../../providers/demo/adapter';
import { generect } from '../../../providers/generect/adapter';
import { happenstance } from '../../../providers/happenstance/adapter';
import { klaim } from '../../../providers/klaim/adapter';
import { meteredBilling } from '../../../providers/metered-billing/adapter';
import { openai } from '../../../providers/openai/adapter';
import { richutilities } from '../../../providers/richutilities/adapter';
import { DESCRIPTORS, isPreset, type ProviderId } from '../../../shared/providers';
import { type Poller, toPoller } from './adapter';
import { customEngine, probe } from './custom/custom';

/** Every preset is the custom engine over its descriptor's data: no code of its own. */
const ENGINE_POLLERS = Object.fromEntries(
  DESCRIPTORS.filter((d) => isPreset(d.id) || d.id === 'custom').map((d) => [
    d.id,
    { ...toPoller(customEngine(d.id)), probe },
  ]),
) as Record<ProviderId, Poller>;

const POLLERS: Record<ProviderId, Poller> = {
  ...ENGINE_POLLERS,
  openai: toPoller(openai),
  anthropic: toPoller(anthropic),
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

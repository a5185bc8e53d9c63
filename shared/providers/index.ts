import { anthropic } from '../../providers/anthropic/descriptor';
import { demo } from '../../providers/demo/descriptor';
import { generect } from '../../providers/generect/descriptor';
import { happenstance } from '../../providers/happenstance/descriptor';
import { klaim } from '../../providers/klaim/descriptor';
import { meteredBilling } from '../../providers/metered-billing/descriptor';
import { openai } from '../../providers/openai/descriptor';
import { richutilities } from '../../providers/richutilities/descriptor';
import type { MessageKey } from '../i18n/catalog';
import { z } from '../zod';
import { custom } from './custom';
import type { FieldSpec, PresetSpec, ProviderDescriptor } from './descriptor';
import { PRESETS } from './presets';

export type {
  AccountFieldPath,
  Credential,
  FieldSpec,
  PresetSpec,
  ProviderDescriptor,
} from './descriptor';

/**
 * Every provider, in the order people see them: presets for popular APIs, the two cost reports, the seed
 * providers, then custom.
 */
export const DESCRIPTORS = [
  ...PRESETS,
  openai,
  anthropic,
  happenstance,
  generect,
  richutilities,
  klaim,
  meteredBilling,
  custom,
  demo,
] as const;

export type ProviderId = (typeof DESCRIPTORS)[number]['id'];
/** The providers that are presets over the custom JSON engine, as their descriptors say. */
export type PresetId = Extract<(typeof DESCRIPTORS)[number], { preset: PresetSpec }>['id'];
export const ProviderId = z.enum(DESCRIPTORS.map((d) => d.id) as [ProviderId, ...ProviderId[]]);

export const PROVIDERS = Object.fromEntries(DESCRIPTORS.map((d) => [d.id, d])) as unknown as Record<
  ProviderId,
  ProviderDescriptor<ProviderId>
>;

/** Whether accounts of this provider have a key to look up, store and delete. */
export function hasCredential(provider: ProviderId): boolean {
  return PROVIDERS[provider].credential.kind !== 'none';
}

/**
 * Whether the account reports spend rather than a balance, so it keeps a ledger and shows an estimated balance:
 * a cost report (OpenAI, Anthropic), or a custom endpoint or preset read with `spent` and no `remaining`.
 */
export function keepsLedger(account: {
  provider: ProviderId;
  custom?: { remaining?: string; spent?: string };
}): boolean {
  const descriptor = PROVIDERS[account.provider];
  const endpoint = account.custom ?? descriptor.preset?.endpoint;
  return descriptor.ledger === true || (endpoint?.spent !== undefined && endpoint.remaining === undefined);
}

/** The tag an account's provider puts beside its name (the demo's "Demo"), if any. */
export function providerTag(provider: string): MessageKey | null {
  return (PROVIDERS as Record<string, ProviderDescriptor | undefined>)[provider]?.tag ?? null;
}

/** The provider whose sample account the empty state offers, with that account. */
export const SAMPLE =
  DESCRIPTORS.flatMap((d) => (d.sample ? [{ ...d.sample, provider: d.id }] : []))[0] ?? null;

/** Whether the provider is a preset over the custom JSON engine. */
export function isPreset(provider: ProviderId): boolean {
  return PROVIDERS[provider].preset !== undefined;
}

/** Every CLI flag any provider's fields use, each once. */
export function providerFlags(): FieldSpec[] {
  const seen = new Map<string, FieldSpec>();
  for (const d of DESCRIPTORS) for (const f of d.fields as readonly FieldSpec[]) seen.set(f.flag, f);
  return [...seen.values()];
}

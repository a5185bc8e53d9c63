import type { MessageKey } from './catalog';

/**
 * Words Creditbar itself writes into data: the units its presets and adapters report and the names they give
 * quotas. They travel in the cache and history as written here, and are read in the person's language where they
 * are shown. A provider's own words (metered billing's metric names) are not ours and stay as the provider wrote
 * them.
 */
const OWN_WORDS = {
  credits: 'unit.credits',
  characters: 'unit.characters',
  requests: 'unit.requests',
  calls: 'unit.calls',
  searches: 'unit.searches',
  'API calls': 'quota.apiCalls',
  'Monthly limit': 'quota.monthlyLimit',
} as const satisfies Record<string, MessageKey>;

/** The catalog key for one of our own words; null for anything else. */
export function ownWord(text: string): MessageKey | null {
  return Object.hasOwn(OWN_WORDS, text) ? OWN_WORDS[text as keyof typeof OWN_WORDS] : null;
}

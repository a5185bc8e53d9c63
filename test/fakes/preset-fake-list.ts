// Made by scripts/preset-lists.ts from the preset files: run `npx tsx scripts/preset-lists.ts`, do not edit.
import type { PresetId } from '../../shared/providers';
import { fake as coingecko } from '../fixtures/coingecko/fake';
import { fake as deepl } from '../fixtures/deepl/fake';
import { fake as deepseek } from '../fixtures/deepseek/fake';
import { fake as elevenlabs } from '../fixtures/elevenlabs/fake';
import { fake as firecrawl } from '../fixtures/firecrawl/fake';
import { fake as hunter } from '../fixtures/hunter/fake';
import { fake as openrouter } from '../fixtures/openrouter/fake';
import { fake as openrouterCredits } from '../fixtures/openrouter-credits/fake';
import { fake as scrapedo } from '../fixtures/scrapedo/fake';
import { fake as scrapeops } from '../fixtures/scrapeops/fake';
import { fake as serpapi } from '../fixtures/serpapi/fake';
import { fake as twilio } from '../fixtures/twilio/fake';
import type { PresetFake } from './preset-fakes';

/** Each preset's fake, from beside its documented example. */
export const PRESET_FAKES: Record<PresetId, PresetFake> = {
  coingecko,
  deepl,
  deepseek,
  elevenlabs,
  firecrawl,
  hunter,
  openrouter,
  'openrouter-credits': openrouterCredits,
  scrapedo,
  scrapeops,
  serpapi,
  twilio,
};

// Made by scripts/preset-lists.ts from the preset files: run `npx tsx scripts/preset-lists.ts`, do not edit.
import { openrouter } from './openrouter';
import { openrouterCredits } from './openrouter-credits';
import { deepl } from './deepl';
import { elevenlabs } from './elevenlabs';
import { serpapi } from './serpapi';
import { firecrawl } from './firecrawl';
import { twilio } from './twilio';
import { deepseek } from './deepseek';
import { hunter } from './hunter';
import { coingecko } from './coingecko';
import { scrapeops } from './scrapeops';
import { scrapedo } from './scrapedo';

/** Every preset, in the order the add form lists the popular APIs (each file's listRank). */
export const PRESETS = [openrouter, openrouterCredits, deepl, elevenlabs, serpapi, firecrawl, twilio, deepseek, hunter, coingecko, scrapeops, scrapedo] as const;

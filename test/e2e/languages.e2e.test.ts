import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../shared/i18n/catalogs';
import { LANGUAGE_NAMES, type Language } from '../../shared/i18n/languages';
import { PRESET_STARTERS, type PresetId } from '../fakes/preset-fakes';
import type { FakeProvider } from '../fakes/start-fake';
import { axeViolations, SHOTS, shoot } from '../support/page-checks';
import { launchChromium, openPopover, serveRenderer } from '../support/popover-harness';

let browser: Browser;
let renderer: { url: string; server: Server };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  renderer = await serveRenderer();
});
afterAll(async () => {
  await browser?.close();
  renderer?.server.close();
});

describe('the popover in German and Simplified Chinese, in real Chromium', () => {
  it.each(['de', 'zh'] as const)(
    '%s: every view in both themes, with numbers and dates written its way',
    async (language: Language) => {
      const say = CATALOGS[language];
      const dataDir = await mkdtemp(path.join(tmpdir(), `creditbar-e2e-${language}-`));
      const popover = await openPopover(browser, renderer.url, dataDir);
      const { page, controller } = popover;
      try {
        // What Settings' language choice saves, before there is an overview to reach Settings from.
        await controller.handlers['settings:set']({ patch: { language } });
        await page.getByRole('heading', { name: say['empty.title'] }).waitFor();
        expect(await page.evaluate('document.documentElement.lang')).toBe(
          language === 'zh' ? 'zh-Hans' : 'de',
        );
        await shoot(page, `empty-${language}`);

        await page.getByRole('button', { name: say['empty.addFirst'] }).click();
        await page.getByRole('heading', { name: say['form.addTitle'] }).waitFor();
        await page.getByLabel(say['form.name']).waitFor();
        await shoot(page, `add-account-${language}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: say['form.cancel'] }).click();

        await page.getByRole('button', { name: say['empty.demo'] }).click();
        const row = page.locator('.account-row').first();
        await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(say['unit.credits']);
        await expect.poll(() => page.locator('svg.sparkline path').count()).toBe(1);
        // The demo's balance is in the thousands: German groups them with a dot, Chinese with a comma.
        const figure = (await row.locator('.headline').textContent()) ?? '';
        expect(figure).toMatch(language === 'de' ? /^\d{1,3}(\.\d{3})*$/ : /^\d{1,3}(,\d{3})*$/);
        await shoot(page, `overview-${language}`);
        expect(await axeViolations(page)).toEqual([]);

        await row.click();
        await page.getByRole('heading', { name: say['detail.history'] }).waitFor();
        await expect.poll(() => page.locator('.chart canvas').count()).toBe(1);
        await page.getByRole('heading', { name: say['daily.title'] }).waitFor();
        await expect
          .poll(() => page.getByText(say['next.short'].split(' {')[0] as string).count())
          .toBeGreaterThan(0);
        await shoot(page, `detail-${language}`);
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole('button', { name: say['detail.edit'] }).click();
        await page
          .getByRole('heading', { name: say['form.editTitle'].replace('{label}', say['demo.label']) })
          .waitFor();
        await shoot(page, `edit-account-${language}`);
        await page.getByRole('button', { name: say['form.cancel'] }).click();
        await page.getByRole('button', { name: say['detail.removeAsk'] }).click();
        await page.getByText(say['detail.removeNoKey']).waitFor();
        await shoot(page, `remove-confirm-${language}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: say['detail.keep'] }).click();

        // A channel listed, so the shot shows its line and buttons in this language.
        await controller.handlers['channels:add']({
          channel: { id: `team-${language}`, type: 'discord' },
          secret: 'https://discord.com/api/webhooks/1/never-called',
        });
        await page.getByRole('button', { name: say['detail.backLabel'] }).click();
        await page.getByRole('button', { name: say['overview.settings'] }).click();
        await page.getByRole('heading', { name: say['settings.title'] }).waitFor();
        await page.getByText(`team-${language}`).waitFor();
        await shoot(page, `settings-${language}`);
        await controller.handlers['channels:remove']({ id: `team-${language}` });
        expect(await axeViolations(page)).toEqual([]);

        // Back to English from the choice a person uses; the view stays where it was.
        await page.locator('#language').selectOption({ label: LANGUAGE_NAMES.en });
        await page.getByRole('heading', { name: 'Settings' }).waitFor();
        expect(await page.evaluate('document.documentElement.lang')).toBe('en');
      } finally {
        await popover.close();
      }
    },
    90_000,
  );
});

/** Twelve accounts with names as people write them (up to 24 characters), on every preset's loopback fake. */
const TWELVE: [PresetId, string][] = [
  ['openrouter', 'OpenRouter production'],
  ['openrouter-credits', 'Shared OpenRouter credit'],
  ['deepl', 'DeepL translations'],
  ['elevenlabs', 'ElevenLabs narration'],
  ['serpapi', 'SerpApi rank tracker'],
  ['firecrawl', 'Firecrawl site crawler'],
  ['twilio', 'Twilio SMS, Germany'],
  ['deepseek', 'DeepSeek experiments'],
  ['hunter', 'Hunter outreach (sales)'],
  ['coingecko', 'CoinGecko price alerts'],
  ['scrapeops', 'ScrapeOps proxy pool'],
  ['scrapedo', 'Scrape.do product feeds'],
];

describe('a busy overview in real Chromium', () => {
  it.each(['en', 'de', 'zh'] as const)(
    '%s: twelve accounts with long names, each name whole, every row readable',
    async (language: Language) => {
      const say = CATALOGS[language];
      const fakes: FakeProvider[] = await Promise.all(TWELVE.map(([id]) => PRESET_STARTERS[id]()));
      const dataDir = await mkdtemp(path.join(tmpdir(), `creditbar-e2e-twelve-${language}-`));
      const popover = await openPopover(browser, renderer.url, dataDir);
      const { page, controller } = popover;
      try {
        await controller.handlers['settings:set']({ patch: { language } });
        for (const [i, [id, label]] of TWELVE.entries()) {
          const fake = fakes[i] as FakeProvider;
          await controller.handlers['accounts:add']({
            account: { ...fake.account(`${id}-${language}`), label },
            key: fake.key,
          });
        }
        await expect.poll(() => page.locator('.account-row').count(), { timeout: 10_000 }).toBe(12);
        // Every account has answered: no row still waits for its first check.
        await expect.poll(() => page.getByText(say['status.waiting']).count(), { timeout: 15_000 }).toBe(0);
        const shown = await page.locator('.row-label').allTextContents();
        expect(shown.sort()).toEqual(TWELVE.map(([, label]) => label).sort());
        // The layout check in shoot() fails on any name cut short, a row's text spilling, a word broken.
        await shoot(page, `overview-twelve-${language}`);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await popover.close();
        await Promise.all(fakes.map((fake) => fake.close()));
      }
    },
    60_000,
  );
});

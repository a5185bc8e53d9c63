import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAi } from '../../providers/openai/fake';
import { CATALOGS } from '../../shared/i18n/catalogs';
import type { Language } from '../../shared/i18n/languages';
import type { CostReportFake } from '../fakes/cost-report-fake';
import { axeViolations, SHOTS, shoot } from '../support/page-checks';
import { launchChromium, openPopover, serveRenderer } from '../support/popover-harness';

let browser: Browser;
let renderer: { url: string; server: Server };
let fake: CostReportFake;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  renderer = await serveRenderer();
  fake = await startOpenAi();
});
afterAll(async () => {
  await browser?.close();
  renderer?.server.close();
  await fake?.close();
});

/** What each language types for eighty-seven dollars sixty-six, and how it writes the estimate. */
const TYPED: Record<Language, { amount: string; estimate: RegExp }> = {
  en: { amount: '87.66', estimate: /^≈ \$87\.66$/ },
  de: { amount: '87,66', estimate: /^≈ 87,66\s\$$/ },
  zh: { amount: '87.66', estimate: /^≈ US\$87\.66$/ },
};

describe('an OpenAI account in the popover: spend first, then the estimated balance', () => {
  it.each(['en', 'de', 'zh'] as const)(
    '%s: states the balance from the detail view, in both themes',
    async (language) => {
      const say = CATALOGS[language];
      const dataDir = await mkdtemp(path.join(tmpdir(), `creditbar-ledger-${language}-`));
      const popover = await openPopover(browser, renderer.url, dataDir);
      const { page, controller } = popover;
      try {
        await controller.handlers['settings:set']({ patch: { language } });
        const account = { ...fake.account(`openai-${language}`), label: 'OpenAI Platform' };
        expect(await controller.handlers['accounts:add']({ account, key: fake.key })).toBeNull();
        const row = page.locator('.account-row').first();
        // Nothing stated yet: the row shows the month's spend, drawn neutral, never ok.
        await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(say['headline.spentMoney']);
        expect(await row.getAttribute('class')).toContain('level-none');
        await row.click();
        await page.getByRole('heading', { name: say['ledger.title'] }).waitFor();
        await shoot(page, `ledger-unstated-${language}`);
        expect(await axeViolations(page)).toEqual([]);

        await page.getByLabel(say['ledger.amount'].replace('{currency}', 'USD')).fill('87 Dollar');
        await page.getByRole('button', { name: say['ledger.stateBalance'] }).click();
        await page.getByRole('alert').waitFor();
        expect(await page.getByRole('alert').textContent()).toBe(say['ledger.typeAmount']);

        await page.getByLabel(say['ledger.amount'].replace('{currency}', 'USD')).fill(TYPED[language].amount);
        await page.getByRole('button', { name: say['ledger.stateBalance'] }).click();
        const headline = page.locator('.detail-headline .headline');
        await expect
          .poll(() => headline.textContent(), { timeout: 10_000 })
          .toMatch(TYPED[language].estimate);
        await page.getByRole('list', { name: say['ledger.entries'] }).waitFor();
        await shoot(page, `ledger-stated-${language}`);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await popover.close();
      }
    },
    90_000,
  );
});

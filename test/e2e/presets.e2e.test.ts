/**
 * The add flow for every preset and for a custom endpoint, in real Chromium against the real core, the real
 * (throwaway) keychain and each vendor's loopback fake. Screenshots land in test/output/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../shared/providers';
import { FakeServer } from '../fakes/fake-server';
import { PRESET_IDS, PRESET_STARTERS, type PresetId, presetParams } from '../fakes/preset-fakes';
import type { FakeProvider } from '../fakes/providers';
import { t } from '../support/english';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { SHOTS, shoot } from '../support/page-checks';
import { launchChromium, openPopover, serveRenderer } from '../support/popover-harness';

let browser: Browser;
let renderer: { url: string; server: Server };
const fakes: FakeProvider[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  renderer = await serveRenderer();
});
afterAll(async () => {
  await browser?.close();
  renderer?.server.close();
  await Promise.all(fakes.map((f) => f.close()));
});

/** Fills a preset's own parameters the way a person would: a text box, or a choice. */
async function fillParams(page: Page, id: PresetId): Promise<void> {
  for (const [name, value] of Object.entries(presetParams(id) ?? {})) {
    const field = PROVIDERS[id].fields.find((f) => f.path === `params.${name}`);
    if (!field) throw new Error(`${id} has no field for ${name}`);
    if (field.kind === 'choice') await page.getByLabel(t(field.label)).selectOption(value);
    else await page.getByLabel(t(field.label)).fill(value);
  }
}

describe('adding accounts from the gallery in real Chromium', () => {
  it('every preset: chosen from "Popular APIs", tested against its fake, saved, then shown with its balance', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-presets-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page } = popover;
    try {
      await page.getByRole('button', { name: 'Add your first account' }).click();
      await page.getByLabel('Provider').waitFor();
      const groups = await page
        .locator('#provider optgroup')
        .evaluateAll((els) => els.map((el) => el.getAttribute('label')));
      expect(groups).toEqual(['Popular APIs', 'Other providers', 'Your own endpoint']);
      expect(await page.locator('#provider option').last().textContent()).toBe('Custom JSON');
      for (const [index, id] of PRESET_IDS.entries()) {
        const fake = await PRESET_STARTERS[id]();
        fakes.push(fake);
        if (index > 0) await page.getByRole('button', { name: 'Add', exact: true }).click();
        await page.getByLabel('Provider').selectOption(id);
        await page.getByText(/Your key is sent only to/).waitFor();
        await page.getByLabel('Name').fill(`${PROVIDERS[id].displayName} test`);
        await fillParams(page, id);
        await page.getByLabel('Base URL (optional)').fill(fake.server.url);
        await page
          .getByLabel(PROVIDERS[id].credential.kind === 'api-key' ? t(PROVIDERS[id].credential.label) : '')
          .fill(fake.key);
        await page.getByRole('button', { name: 'Test connection' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /^Connected: / })
          .waitFor();
        await expect
          .poll(() => page.getByRole('table', { name: 'What each expression read' }).count())
          .toBe(1);
        await shoot(page, `preset-${id}`);
        await page.getByRole('button', { name: 'Save' }).click();
        const row = page.getByRole('button', {
          name: new RegExp(`^${PROVIDERS[id].displayName.replace(/[()]/g, '\\$&')} test , `),
        });
        await row.waitFor();
        expect(
          await keytar.getPassword(
            TEST_KEYCHAIN_SERVICE,
            `${PROVIDERS[id].displayName
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, '')}-test`,
          ),
        ).toBe(fake.key);
      }
      await expect
        .poll(() => page.locator('.account-row, [class*="level-"]').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(PRESET_IDS.length);
      await shoot(page, 'presets-overview');
    } finally {
      await popover.close();
    }
  }, 120_000);

  it('custom JSON: the shape helps write the expression, then the values each one read show', async () => {
    const key = 'acme_live_e2e_0123456789';
    const acme = await FakeServer.start((request) =>
      request.query.get('key') === key
        ? { json: { account: { plan: 'Pro', wallet: { cents: '123456', currency: 'EUR' } } } }
        : { status: 401, json: { error: 'bad key' } },
    );
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-custom-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page } = popover;
    try {
      await page.getByRole('button', { name: 'Add your first account' }).click();
      await page.getByLabel('Provider').selectOption('custom');
      await page.getByLabel('Name').fill('Acme');
      await page.getByLabel('URL', { exact: true }).fill(`${acme.url}/v1/me`);
      await page.getByLabel('Send the key').selectOption('query');
      // Fields for other ways of sending the key are not shown.
      expect(await page.getByLabel('Key header').count()).toBe(0);
      await page.getByLabel('Key parameter').fill('key');
      await page.getByLabel('Remaining', { exact: true }).fill('balance');
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page
        .getByText(/Connected, but: The remaining expression "balance" gave nothing, not a number/)
        .waitFor();
      const shape = page.locator('.shape pre');
      await expect.poll(() => shape.textContent()).toContain('cents: string (a number)');
      expect(await shape.textContent()).not.toContain('123456');
      await shoot(page, 'custom-shape');

      await page.getByLabel('Remaining', { exact: true }).fill('$number(account.wallet.cents) / 100');
      await page.getByLabel('Unit from the answer (optional)').fill('account.wallet.currency');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Connected: €1,234.56 left.').waitFor();
      const readings = page.getByRole('table', { name: 'What each expression read' });
      expect(await readings.textContent()).toContain('1234.56');
      await shoot(page, 'custom-readings');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: /^Acme , / }).waitFor();
      expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'acme')).toBe(key);
      for (const text of popover.pushedText) expect(text).not.toContain(key);
    } finally {
      await popover.close();
      await acme.close();
    }
  });
});

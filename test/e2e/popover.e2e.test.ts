import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPOVER_HEIGHT } from '../../main/core/present/window-position';
import { type FakeProvider, startHappenstance } from '../fakes/providers';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
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

/** Whether the viewport (the window, as the harness resizes it like the shell) is exactly the content's height. */
async function viewportFitsContent(page: Page): Promise<{ fits: boolean; scrolls: boolean }> {
  const content = await page
    .locator('main')
    .evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
  // A string body runs in the page, where document and window are.
  const scrolls = (await page.evaluate(
    'document.scrollingElement.scrollHeight > window.innerHeight',
  )) as boolean;
  return { fits: page.viewportSize()?.height === Math.max(POPOVER_HEIGHT.min, content), scrolls };
}

describe('popover in real Chromium, backed by the real core', () => {
  it('add an account, see its balance, a warning, the stale marker, then remove it', async () => {
    const hs: FakeProvider = await startHappenstance('hs_live_e2e_key_5678');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page } = popover;
    try {
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor();
      await shoot(page, 'empty');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Add your first account' }).click();
      await page.getByLabel('Provider').selectOption('happenstance');
      await page.getByLabel('Name').fill('Research');
      await page.getByLabel('Base URL (optional)').fill('http://example.com');
      await page.getByLabel('API key').fill(hs.key);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect.poll(() => page.getByText('This URL must use https').count()).toBe(1);
      await page.getByLabel('Base URL (optional)').fill(hs.server.url);
      await page.getByLabel('API key').fill('not-the-key');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText(/The key was rejected \(401\)/).waitFor();
      await page.getByLabel('API key').fill(hs.key);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Connected: 1,840 credits left.').waitFor();
      await shoot(page, 'add-account');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save' }).click();

      const row = page.getByRole('button', { name: /^Research , / });
      await row.waitFor();
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('1,840');
      expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'research')).toBe(hs.key);

      await row.click();
      await page.getByLabel('Warn below (in the account’s unit)').fill('1500');
      // A level applies when its field is left, as every setting does.
      await page.keyboard.press('Tab');
      await page.getByText('Saved.').waitFor();
      hs.balance = 1400;
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await page.getByText('Refreshed.').waitFor();
      await page.getByRole('button', { name: 'Back to all accounts' }).click();
      await expect.poll(() => row.getAttribute('class')).toContain('level-warning');
      await page.getByText('1 of 1 needs attention').waitFor();
      expect(await row.textContent()).toContain('1,400');
      await shoot(page, 'overview-warning');
      // One account: the window is as tall as what it shows, with no empty area below.
      await expect.poll(() => viewportFitsContent(page)).toEqual({ fits: true, scrolls: false });

      await hs.close();
      await page.getByRole('button', { name: 'Refresh all' }).click();
      await expect.poll(() => row.getAttribute('class')).toContain('is-stale');
      expect(await row.textContent()).toMatch(/offline — showing value from \d\d:\d\d/);
      expect(await row.textContent()).toContain('1,400');
      await shoot(page, 'overview-stale');
      expect(await axeViolations(page)).toEqual([]);

      await row.click();
      await page.getByRole('button', { name: 'Remove…' }).click();
      await page.getByText(/Its key is deleted from the system keychain too/).waitFor();
      await shoot(page, 'remove-confirm');
      await page.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor();
      // The account leaves the config first (the view changes at once), then its key leaves the keychain.
      await expect.poll(() => keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'research')).toBeNull();

      // The key went renderer → main once, typed by the person; nothing main sent back ever held it.
      for (const text of popover.pushedText) {
        expect(text).not.toContain(hs.key);
        expect(text).not.toContain(Buffer.from(hs.key).toString('base64'));
      }
    } finally {
      await popover.close();
      await hs.close().catch(() => undefined);
    }
  });

  it('demo data shows every view, chart and setting, in light and dark', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page } = popover;
    try {
      await page.getByRole('button', { name: 'Try with demo data' }).click();
      const row = page.getByRole('button', { name: /^Demo account/ });
      await row.waitFor();
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/credits/);
      await expect.poll(() => page.locator('svg.sparkline path').count()).toBe(1);
      await shoot(page, 'overview-demo');
      expect(await axeViolations(page)).toEqual([]);

      await row.click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await expect.poll(() => page.locator('.chart canvas').count()).toBe(1);
      await page.getByRole('button', { name: '1 y' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: '1 y' }).getAttribute('aria-pressed'))
        .toBe('true');
      await page.getByRole('heading', { name: 'Quotas this period' }).waitFor();
      await page.getByRole('heading', { name: 'Used per day' }).waitFor();
      await shoot(page, 'detail-demo');
      // Charts, quotas and levels are taller than the maximum: the window stops there and the page scrolls.
      await expect.poll(() => page.viewportSize()?.height).toBe(POPOVER_HEIGHT.max);
      expect(await viewportFitsContent(page)).toEqual({ fits: false, scrolls: true });

      // Both exports from the detail view, read back from where the person chose to save them.
      await page.getByRole('button', { name: 'Export CSV' }).click();
      await page.getByText('History exported.').waitFor();
      const csv = readFileSync(path.join(dataDir, 'exports', 'creditbar-demo.csv'), 'utf8').split('\n');
      expect(csv[0]).toBe('time,remaining,used_this_period,max_quota_percent');
      await page.getByRole('button', { name: 'Export PNG' }).click();
      await page.getByText('Chart saved.').waitFor();
      const saved = readFileSync(path.join(dataDir, 'exports', 'creditbar-demo.png'));
      writeFileSync(path.join(SHOTS, 'chart-export-light.png'), saved);
      const image = PNG.sync.read(saved);
      // Drawn again twice as sharp as the popover's chart (this page is at 1×), with a margin around it.
      const canvasWidth = await page.locator('.chart canvas').evaluate((c) => (c as { width: number }).width);
      expect(image.width).toBe(2 * canvasWidth + 2 * 24);
      expect(image.height).toBeGreaterThan(2 * 150);
      // The light page's background behind the title, not a transparent (black in most viewers) corner.
      expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Back to all accounts' }).click();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await page.getByLabel('Theme').selectOption('dark');
      await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
      // A controlled checkbox: it shows checked once main has saved the setting and pushed the state.
      await page.getByLabel('Serve Prometheus metrics on this computer').click();
      const serving = await page.getByText(/^Serving http:\/\/127\.0\.0\.1:\d+\/metrics/).textContent();
      const metricsUrl = (/http:\S+\/metrics/.exec(serving ?? '') as RegExpExecArray)[0];
      expect(await (await fetch(metricsUrl)).text()).toMatch(/^creditbar_up\{account="[^"]+"\} 1$/m);
      // Back to the system's theme: each shot is taken in the scheme it is named for.
      await page.getByLabel('Theme').selectOption('system');
      await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe('system');
      await shoot(page, 'settings');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await popover.close();
    }
  });
  it('says when it listens; a pushed view opens; Escape steps back, then hides the popover', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page, controller, windowCalls } = popover;
    const push = (target: object) =>
      page.evaluate(`window.__creditbarPush('navigate', ${JSON.stringify(target)})`);
    try {
      // An account whose id is "settings" must still open as an account.
      await controller.handlers['accounts:add']({
        account: { id: 'settings', provider: 'demo', label: 'Team settings' },
      });
      await page.getByRole('heading', { name: 'Creditbar' }).waitFor();
      await expect.poll(() => windowCalls.filter((c) => c === 'popover:ready').length).toBe(1);

      await push({ view: 'account', accountId: 'settings' });
      await page.getByRole('heading', { name: /^Team settings/ }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Creditbar' }).waitFor();
      expect(windowCalls).not.toContain('popover:hide');

      await push({ view: 'settings' });
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Creditbar' }).waitFor();

      await page.keyboard.press('Escape');
      await expect.poll(() => windowCalls.filter((c) => c === 'popover:hide').length).toBe(1);
      await page.getByRole('heading', { name: 'Creditbar' }).waitFor();
    } finally {
      await popover.close();
    }
  });
  // Two axe passes, two screenshots and hovered charts: slower than the rest when the suite runs in parallel.
  it('keyboard and pointer: arrows between rows, Enter opens, the charts read out on hover, snooze shows on the row', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page, controller } = popover;
    try {
      await controller.handlers['accounts:add']({
        account: { id: 'kb-first', provider: 'demo', label: 'Alpha team' },
      });
      await controller.handlers['accounts:add']({
        account: { id: 'kb-second', provider: 'demo', label: 'Beta team' },
      });
      const rows = page.locator('.account-row');
      // Both first values in: a row's place follows its level, which the first poll sets.
      await expect.poll(() => page.locator('.account-row', { hasText: 'credits' }).count()).toBe(2);
      // Rows sort worst first, so which team is on top depends on the demo's numbers: go by position, and name a
      // row by its label (the rest of its text changes with every poll).
      const focused = () =>
        page.evaluate(
          'document.activeElement?.querySelector(".row-label")?.textContent ?? ""',
        ) as Promise<string>;
      const top = (await rows.nth(0).locator('.row-label').textContent()) ?? '';
      const bottom = (await rows.nth(1).locator('.row-label').textContent()) ?? '';
      await rows.nth(0).focus();
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(bottom);
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe(top);
      await page.keyboard.press('End');
      expect(await focused()).toBe(bottom);
      // Focus is drawn: the focused row has an outline.
      expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
      const beta = page.getByRole('button', { name: /^Beta team/ });
      const alpha = page.getByRole('button', { name: /^Alpha team/ });
      await beta.focus();

      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^Beta team/ }).waitFor();
      const canvas = page.locator('.chart canvas');
      await expect.poll(() => canvas.count()).toBe(1);
      // The page may still shift as the histories arrive: each try points at where the plot is now.
      const readoutOver = async (selector: string) => {
        const box = await page.locator(selector).boundingBox();
        if (box) await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 3 });
        return page.locator('.chart-readout').textContent();
      };
      // At rest the line under the chart says how to read a value, not a row of dashes.
      expect(await page.locator('.chart-readout').textContent()).toBe('Point at the chart to read a value.');
      // Under the pointer: the moment and the balance there.
      await expect
        .poll(() => readoutOver('.chart .u-over'))
        .toMatch(/^\d{1,2} [A-Z][a-z]{2}, \d\d:\d\d · [\d,.]+ credits$/);
      // The legend says which line is which.
      expect(await page.locator('.chart-legend').textContent()).toContain('Balance (credits)');

      await page.locator('svg.daily-bars').scrollIntoViewIfNeeded();
      const readoutAfterHover = async () => {
        const box = await page.locator('svg.daily-bars').boundingBox();
        if (box) await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2, { steps: 3 });
        return page.locator('.daily-readout').textContent();
      };
      await expect.poll(readoutAfterHover).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}: [\d,.]+ credits$/);
      expect(await page.locator('rect.daily-bar.is-weekend').count()).toBeGreaterThan(0);
      await shoot(page, 'detail-hover');

      const snooze = page.getByRole('group', { name: 'Snooze alerts' });
      await snooze.getByRole('button', { name: '1 h' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(/^Alerts snoozed until ([A-Z][a-z]{2} )?\d\d:\d\d\.$/).waitFor();
      // Near midnight an hour ahead is tomorrow: the text then names the weekday too.
      await page
        .getByRole('button', { name: /^Snoozed until ([A-Z][a-z]{2} )?\d\d:\d\d — unsnooze$/ })
        .waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => beta.textContent()).toMatch(/snoozed until ([A-Z][a-z]{2} )?\d\d:\d\d/);
      expect(await alpha.textContent()).not.toMatch(/snoozed/);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await popover.close();
    }
  }, 60_000);

  it('keyboard only: add an account, open it, edit it, snooze it and remove it, focus always drawn', async () => {
    const hs: FakeProvider = await startHappenstance('hs_live_keyboard_2468');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-e2e-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    const { page } = popover;
    /** What has focus: its id, or its accessible name as a person hears it, and whether focus is drawn. */
    const focus = () =>
      page.evaluate(`(() => {
        const el = document.activeElement;
        const name = el.getAttribute('aria-label') || el.id || el.textContent.trim();
        const drawn = el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none';
        return { name, drawn };
      })()`) as Promise<{ name: string; drawn: boolean }>;
    /** Tab (forward) until focus is on what `wanted` names, as a keyboard user would; never the mouse. */
    const tabTo = async (wanted: string | RegExp) => {
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        const at = await focus();
        if (typeof wanted === 'string' ? at.name === wanted : wanted.test(at.name)) {
          expect(at.drawn, `focus on "${at.name}" is drawn`).toBe(true);
          return;
        }
      }
      throw new Error(`Tab never reached ${wanted}`);
    };
    try {
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor();
      await tabTo('Add your first account');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Add an account' }).waitFor();
      await tabTo('provider');
      // A select answers typing: the first option whose name starts so.
      await page.keyboard.type('Happenstance');
      await tabTo('label');
      await page.keyboard.type('Research');
      await tabTo('field-baseUrl');
      await page.keyboard.type(hs.server.url);
      await tabTo('key');
      await page.keyboard.type(hs.key);
      // Enter in a field submits the form, as in any form.
      await page.keyboard.press('Enter');
      const row = page.getByRole('button', { name: /^Research , / });
      await row.waitFor();
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('1,840');

      // The row's text: the name, how it stands, the provider.
      await tabTo(/^Research, fine, Happenstance · /);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^Research/ }).waitFor();
      await tabTo('Edit');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Edit Research' }).waitFor();
      await shoot(page, 'edit-account');
      expect(await axeViolations(page)).toEqual([]);
      await tabTo('label');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Research team');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^Research team/ }).waitFor();

      await tabTo('1 h');
      await page.keyboard.press('Enter');
      await page.getByText(/^Alerts snoozed until ([A-Z][a-z]{2} )?\d\d:\d\d\.$/).waitFor();

      await tabTo('Remove…');
      await page.keyboard.press('Enter');
      // The question takes the focus, on its safe choice; the other is one step back.
      expect((await focus()).name).toBe('Keep it');
      await page.keyboard.press('Shift+Tab');
      expect((await focus()).name).toBe('Remove');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor();
      await expect.poll(() => keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'research')).toBeNull();
    } finally {
      await popover.close();
      await hs.close();
    }
  }, 60_000);
});

import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { drawnScheme, layoutProblems } from './layout-check';

export const SHOTS = path.resolve(__dirname, '..', 'output', 'screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The page as it is now, in the light and the dark scheme, under test/output/screenshots; and in each, the layout
 * check (layout-check.ts): a view a person cannot read at a glance fails the test that shows it.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
    if ((await drawnScheme(page)) !== scheme)
      problems.push(`${scheme}: the page is drawn ${scheme === 'light' ? 'dark' : 'light'}`);
    for (const problem of await layoutProblems(page)) problems.push(`${scheme}: ${problem}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (process.env.LAYOUT_REPORT) {
    appendFileSync(process.env.LAYOUT_REPORT, `${JSON.stringify({ name, problems })}\n`);
    return;
  }
  expect(problems, `layout of ${name}`).toEqual([]);
}

/**
 * axe-core in the page, in the light and the dark scheme: every violation of any impact, so a contrast that only
 * fails on dark counts. The page's CSP does not apply to evaluate(), so axe's source goes in that way.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const violations = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations)`,
    )) as { id: string; nodes: { target: string[] }[] }[];
    for (const v of violations)
      found.push(`${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/**
 * `npm run dev` serves the popover from Vite's dev server, which injects an inline React-refresh preamble and
 * talks to the page over a WebSocket. This runs that dev server (the renderer's plugins from
 * electron.vite.config.ts) and the page in real Chromium: with the dev CSP the popover renders and hot reload
 * connects; with the shipped strict CSP, the same page loses hot reload and its styles, which is why the dev one
 * exists.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devCspPlugin } from '../../electron.vite.config';
import { en } from '../../shared/i18n/catalog';
import { parsedCatalog } from '../../shared/i18n/translate';
import { INVOKE, type InvokeChannel, methodName } from '../../shared/ipc';
import { bridgeScript, launchChromium } from '../support/popover-harness';

/** How Chromium reports something the CSP stopped (the meta's ignored frame-ancestors is only a warning). */
const BLOCKED = /Refused to|violates the following Content Security Policy/;
const RENDERER_ROOT = path.resolve(__dirname, '..', '..', 'renderer');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function devServer(plugins: Plugin[]): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    root: RENDERER_ROOT,
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), ...plugins],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The dev server did not say where it listens');
  return { server, url };
}

/** Opens the dev page with the preload's bridge answering an empty state in English; returns what it logged. */
async function openDevPage(url: string) {
  const page = await browser.newPage({ viewport: { width: 380, height: 560 } });
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  page.on('pageerror', (e) => messages.push(e.message));
  const methods = (Object.keys(INVOKE) as InvokeChannel[]).map((c) => [methodName(c), c] as [string, string]);
  await page.exposeBinding('__creditbarInvoke', async (_source, channel: InvokeChannel) => ({
    ok: true,
    value:
      channel === 'state:get'
        ? {
            accounts: [],
            paused: false,
            settings: {},
            launchAtLogin: false,
            launchAtLoginAvailable: false,
            language: 'en',
            updates: { version: '0.1.0', source: { kind: 'unpackaged' }, status: { kind: 'idle' } },
          }
        : channel === 'i18n:get'
          ? parsedCatalog(en)
          : null,
  }));
  await page.addInitScript(bridgeScript(methods));
  await page.goto(url);
  return { page, messages };
}

describe('npm run dev', () => {
  it('with the dev CSP, the popover renders from the dev server and hot reload connects', async () => {
    const { server, url } = await devServer([devCspPlugin()]);
    try {
      const { page, messages } = await openDevPage(url);
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor({ timeout: 15_000 });
      await expect.poll(() => messages.some((m) => /\[vite\] connected/.test(m))).toBe(true);
      expect(messages.filter((m) => BLOCKED.test(m))).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('with the shipped strict CSP, the dev page is crippled: hot reload refused, its styles refused', async () => {
    const { server, url } = await devServer([]);
    try {
      const { page, messages } = await openDevPage(url);
      await expect.poll(() => messages.some((m) => BLOCKED.test(m))).toBe(true);
      await expect.poll(() => messages.some((m) => /Connecting to 'ws:.*violates/.test(m))).toBe(true);
      await expect.poll(() => messages.some((m) => /Applying inline style violates/.test(m))).toBe(true);
      expect(messages.some((m) => /\[vite\] connected/.test(m))).toBe(false);
      await page.close();
    } finally {
      await server.close();
    }
  });
});

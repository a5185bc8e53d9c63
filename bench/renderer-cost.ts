import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { downsample, sparklineOf } from '../main/core/present/history-series';
import { demoHistory } from '../providers/demo/adapter';
import type { AccountView, AppState } from '../shared/app-state';
import { en } from '../shared/i18n/catalog';
import { parsedCatalog } from '../shared/i18n/translate';
import { INVOKE, type InvokeChannel, methodName } from '../shared/ipc';
import { PointSeries } from '../shared/point-series';
import { bridgeScript, launchChromium, serveRenderer } from '../test/support/popover-harness';
import { percentile } from './polling-sim';

const ASSETS = path.resolve(__dirname, '..', 'out', 'renderer', 'assets');

export function rendererJsGzipBytes(): { total: number; initial: number } {
  const html = readFileSync(path.join(ASSETS, '..', 'index.html'), 'utf8');
  let total = 0;
  let initial = 0;
  for (const file of readdirSync(ASSETS).filter((f) => f.endsWith('.js'))) {
    const size = gzipSync(readFileSync(path.join(ASSETS, file))).length;
    total += size;
    if (html.includes(file)) initial += size;
  }
  return { total, initial };
}

/**
 * Twenty accounts as main pushes them: each with its sparkline, which main downsamples from the history when the
 * history changes (at a poll), not when the popover opens.
 */
function accounts(count: number, now: number, histories: Map<string, PointSeries>): AccountView[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `acct-${i}`,
    provider: 'happenstance',
    label: `Account ${i}`,
    level: i % 7 === 0 ? 'warning' : 'ok',
    stale: false,
    current: true,
    reason: null,
    partial: false,
    judged: true,
    ledger: null,
    remaining: 1000 + i * 37,
    unit: 'credits',
    quotas: [],
    usedThisPeriod: null,
    fetchedAt: new Date(now).toISOString(),
    error: null,
    providerName: 'Happenstance',
    forecast: { burnPerDay: 120, daysLeft: 9 + i, emptyAt: null, quotaPercentAtEnd: null },
    hasKey: true,
    keyHint: '…abcd',
    alerts: {},
    snoozedUntil: null,
    stopped: null,
    extras: {},
    checkedAt: new Date(now).toISOString(),
    retryAt: null,
    config: { id: `acct-${i}`, provider: 'happenstance', label: `Account ${i}` },
    sparkline: sparklineOf(histories.get(`acct-${i}`) ?? PointSeries.empty(), now),
  }));
}

const OVERVIEW_LOADS = 7;

/** One push of the state into a freshly loaded, empty popover, to the frame that painted rows and sparklines. */
async function overviewTimings(
  page: Page,
  state: AppState,
): Promise<{ interactive: number; sparklines: number }> {
  return (await page.evaluate(`(async () => {
      const state = ${JSON.stringify(state)};
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const rows = () => document.querySelectorAll('.account-row').length >= 20;
      const lines = () => document.querySelectorAll('svg.sparkline path').length >= 20;
      const t0 = performance.now();
      window.__creditbarPush('state:changed', state);
      // Each wait ends on the frame after the one where what it waits for is in the page: the frame that
      // painted it. Sparklines that came in the same render as the rows were painted in the same frame.
      while (!rows()) await frame();
      const withLines = lines();
      await frame();
      const interactive = performance.now() - t0;
      if (withLines) return { interactive, sparklines: interactive };
      while (!lines()) await frame();
      await frame();
      return { interactive, sparklines: performance.now() - t0 };
    })()`)) as { interactive: number; sparklines: number };
}

/**
 * In headless Chromium, the built renderer: time from a state push (20 accounts, each with a year of history behind
 * its sparkline) to the overview rendered and responsive; and uPlot drawing 100 000 points against a naive SVG line.
 */
export async function rendererCost() {
  const browser = await launchChromium();
  const { url, server } = await serveRenderer();
  try {
    const now = Date.now();
    const histories = new Map(
      Array.from({ length: 20 }, (_, i) => [`acct-${i}`, PointSeries.of(demoHistory(`acct-${i}`, now))]),
    );
    const empty: AppState = {
      accounts: [],
      paused: false,
      settings: {},
      launchAtLogin: false,
      launchAtLoginAvailable: true,
      language: 'en',
      updates: {
        version: '0.1.0',
        source: { kind: 'self-updating', format: 'appimage' },
        status: { kind: 'idle' },
      },
    };
    const page = await browser.newPage({ viewport: { width: 380, height: 560 } });
    const methods = (Object.keys(INVOKE) as InvokeChannel[]).map(
      (c) => [methodName(c), c] as [string, string],
    );
    await page.exposeBinding(
      '__creditbarInvoke',
      async (
        _source,
        channel: string,
        request: { accountId: string; from: number; to: number; maxPoints: number },
      ) => {
        if (channel === 'state:get') return { ok: true, value: empty };
        // Main sends the page its language's catalog once, when it loads.
        if (channel === 'i18n:get') return { ok: true, value: parsedCatalog(en) };
        if (channel === 'history:get') {
          const points = histories.get(request.accountId) ?? PointSeries.empty();
          const from = points.firstAtOrAfter(request.from);
          return {
            ok: true,
            value: downsample(points, from, points.firstAfter(request.to), request.maxPoints).map((p) => ({
              t: p.t,
              remaining: p.remaining,
              maxPercent: p.maxPercent,
            })),
          };
        }
        return { ok: true, value: null };
      },
    );
    await page.addInitScript(bridgeScript(methods));
    const state: AppState = { ...empty, accounts: accounts(20, now, histories) };
    // Each load is a first render of the overview (its code and text laid out for the first time in that page).
    // The browser's first load also pays for what Chromium then keeps (compiled script, fonts), as a popover's
    // first opening after the app starts does; it is reported apart, and the median of the loads is the figure.
    const loads: { interactive: number; sparklines: number }[] = [];
    for (let load = 0; load < OVERVIEW_LOADS; load++) {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor();
      loads.push(await overviewTimings(page, state));
    }

    const chartPage = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await chartPage.evaluate(readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'));
    const chart = (await chartPage.evaluate(`(async () => {
      const n = 100000;
      const xs = new Float64Array(n), ys = new Float64Array(n);
      for (let i = 0; i < n; i++) { xs[i] = 1.7e9 + i * 60; ys[i] = 5000 - i * 0.03 + Math.sin(i / 50) * 20; }
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const host = document.createElement('div'); document.body.append(host);
      let t0 = performance.now();
      new uPlot({ width: 348, height: 150, legend: { show: false }, series: [{}, { stroke: '#1f6feb' }] }, [xs, ys], host);
      await frame();
      const uplot = performance.now() - t0;
      t0 = performance.now();
      let lo = Infinity, hi = -Infinity;
      for (const y of ys) { if (y < lo) lo = y; if (y > hi) hi = y; }
      let d = '';
      for (let i = 0; i < n; i++) d += (i ? 'L' : 'M') + ((i / (n - 1)) * 348).toFixed(2) + ',' + (150 - ((ys[i] - lo) / (hi - lo)) * 150).toFixed(2);
      host.insertAdjacentHTML('beforeend', '<svg width="348" height="150"><path fill="none" stroke="#1f6feb" d="' + d + '"/></svg>');
      await frame();
      await frame();
      return { uplot, svg: performance.now() - t0 };
    })()`)) as { uplot: number; svg: number };
    return {
      overviewInteractiveMs: percentile(
        loads.map((l) => l.interactive),
        50,
      ),
      sparklinesMs: percentile(
        loads.map((l) => l.sparklines),
        50,
      ),
      sparklinesFirstLoadMs: loads[0]?.sparklines ?? Number.NaN,
      chartUplotMs: chart.uplot,
      chartSvgMs: chart.svg,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

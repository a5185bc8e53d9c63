import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withLedger } from '../../../main/core/ledger/ledger-snapshot';
import { LatestResults } from '../../../main/core/monitor/latest-results';
import { createRegistries } from '../../../main/core/serve/metrics';
import type { Account } from '../../../shared/config';
import { message as said } from '../../../shared/message';
import type { Snapshot } from '../../../shared/model';
import { asIs } from '../../support/said';

const NOW = new Date('2026-11-22T12:00:00Z');

const snapshot = (remaining: number | null, extra: Partial<Snapshot> = {}): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas: [],
  usedThisPeriod: null,
  usage: [],
  fetchedAt: '2026-11-22T11:59:00.000Z',
  extras: {},
  ...extra,
});

const hs: Account = { id: 'hs', provider: 'happenstance', label: 'HS', alerts: { warnBelow: 1500 } };
const mb: Account = { id: 'mb', provider: 'metered-billing', label: 'MB', baseUrl: 'http://127.0.0.1:1' };

/** The series of one metric in the text format, without HELP and TYPE. */
function series(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

async function scrape(state: LatestResults, channelFailures?: () => ReadonlyMap<string, number>) {
  const { text, openMetrics } = createRegistries(state, () => NOW, channelFailures);
  return { text: await text.metrics(), openMetrics: await openMetrics.metrics() };
}

describe("the exporter's metrics", () => {
  it('counts the alerts each channel had to give up', async () => {
    const { text } = await scrape(new LatestResults(), () => new Map([['team', 2]]));
    expect(series(text, 'creditbar_channel_failures_total')).toEqual([
      'creditbar_channel_failures_total{channel="team"} 2',
    ]);
  });

  it('an estimated balance (a ledger account) is marked by creditbar_balance_estimated, a reported one is not', async () => {
    const oa: Account = { id: 'oa', provider: 'openai', label: 'OpenAI' };
    const costs = snapshot(null, {
      unit: 'USD',
      extras: { costDays: [{ day: '2026-11-22', amount: '2.34' }] },
    });
    const estimated = withLedger(
      costs,
      [
        {
          id: 'e1',
          kind: 'balance',
          amount: '90',
          at: '2026-11-22T00:00:00Z',
          recordedAt: NOW.toISOString(),
        },
      ],
      NOW,
    );
    const state = new LatestResults();
    state.setAccounts([hs, oa]);
    state.record({ account: hs, snapshot: snapshot(1400), stale: false, error: null }, null, NOW);
    state.record({ account: oa, snapshot: estimated, stale: false, error: null }, null, NOW);
    const { text } = await scrape(state);
    expect(series(text, 'creditbar_balance')).toContain(
      'creditbar_balance{account="oa",provider="openai",unit="USD"} 87.66',
    );
    expect(series(text, 'creditbar_balance_estimated')).toEqual([
      'creditbar_balance_estimated{account="hs"} 0',
      'creditbar_balance_estimated{account="oa"} 1',
    ]);
  });

  it('balance, quota ratio, level, up, last success and runway, named and labelled as Prometheus expects', async () => {
    const state = new LatestResults();
    state.setAccounts([hs, mb]);
    state.record(
      { account: hs, snapshot: snapshot(1400), stale: false, error: null },
      {
        burnPerDay: 100,
        daysLeft: 14,
        emptyAt: null,
        quotaPercentAtEnd: null,
      },
      NOW,
    );
    state.record(
      {
        account: mb,
        snapshot: snapshot(null, {
          quotas: [
            {
              metric: 'api_calls',
              name: 'API calls',
              used: 4200,
              included: 5000,
              unit: 'calls',
              percentUsed: 84,
            },
          ],
        }),
        stale: false,
        error: null,
      },
      null,
      NOW,
    );
    const { text } = await scrape(state);
    expect(series(text, 'creditbar_balance')).toEqual([
      'creditbar_balance{account="hs",provider="happenstance",unit="credits"} 1400',
    ]);
    expect(series(text, 'creditbar_quota_used_ratio')).toEqual([
      'creditbar_quota_used_ratio{account="mb",provider="metered-billing",metric="api_calls"} 0.84',
    ]);
    expect(series(text, 'creditbar_quota_used')).toEqual([
      'creditbar_quota_used{account="mb",provider="metered-billing",metric="api_calls"} 4200',
    ]);
    expect(series(text, 'creditbar_quota_limit')).toEqual([
      'creditbar_quota_limit{account="mb",provider="metered-billing",metric="api_calls"} 5000',
    ]);
    expect(series(text, 'creditbar_runway_seconds')).toEqual([
      'creditbar_runway_seconds{account="hs"} 1209600',
    ]);
    expect(series(text, 'creditbar_account_level').filter((l) => l.includes('account="hs"'))).toEqual([
      'creditbar_account_level{account="hs",level="ok"} 0',
      'creditbar_account_level{account="hs",level="warning"} 1',
      'creditbar_account_level{account="hs",level="critical"} 0',
      'creditbar_account_level{account="hs",level="empty"} 0',
      'creditbar_account_level{account="hs",level="unknown"} 0',
    ]);
    expect(series(text, 'creditbar_up')).toEqual([
      'creditbar_up{account="hs"} 1',
      'creditbar_up{account="mb"} 1',
    ]);
    expect(series(text, 'creditbar_last_success_timestamp_seconds')).toContain(
      `creditbar_last_success_timestamp_seconds{account="hs"} ${Date.parse('2026-11-22T11:59:00Z') / 1000}`,
    );
    expect(series(text, 'creditbar_requests_total')).toEqual([
      'creditbar_requests_total{account="hs",provider="happenstance"} 1',
      'creditbar_requests_total{account="mb",provider="metered-billing"} 1',
    ]);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('a failing account keeps its last values with up 0, and counts the error by kind; its message is not exported', async () => {
    const state = new LatestResults();
    state.setAccounts([hs]);
    state.record({ account: hs, snapshot: snapshot(1840), stale: false, error: null }, null, NOW);
    const message = said('problem.withDetail', {
      problem: said('http.401'),
      detail: 'Invalid API key hs_live_9f8e7d6c5b4a "quoted"',
    });
    state.record(
      { account: hs, snapshot: snapshot(1840), stale: true, error: { kind: 'auth', message } },
      null,
      NOW,
    );
    state.record(
      { account: hs, snapshot: snapshot(1840), stale: true, error: { kind: 'auth', message } },
      null,
      NOW,
    );
    const { text } = await scrape(state);
    expect(series(text, 'creditbar_balance')).toEqual([
      'creditbar_balance{account="hs",provider="happenstance",unit="credits"} 1840',
    ]);
    expect(series(text, 'creditbar_up')).toEqual(['creditbar_up{account="hs"} 0']);
    expect(series(text, 'creditbar_poll_errors_total')).toEqual([
      'creditbar_poll_errors_total{account="hs",kind="auth"} 2',
    ]);
    expect(text).not.toContain('Invalid API key');
    expect(text).not.toContain('hs_live');
  });

  it('before its first poll an account shows its cached value with up 0; a missing key sends no request', async () => {
    const state = new LatestResults();
    state.setAccounts([hs, mb]);
    state.seed('hs', snapshot(900));
    state.record(
      {
        account: mb,
        snapshot: null,
        stale: false,
        error: { kind: 'no_credentials', message: asIs('No key') },
      },
      null,
      NOW,
    );
    const { text } = await scrape(state);
    expect(series(text, 'creditbar_balance')).toEqual([
      'creditbar_balance{account="hs",provider="happenstance",unit="credits"} 900',
    ]);
    expect(series(text, 'creditbar_up')).toEqual([
      'creditbar_up{account="hs"} 0',
      'creditbar_up{account="mb"} 0',
    ]);
    expect(series(text, 'creditbar_requests_total')).toContain(
      'creditbar_requests_total{account="mb",provider="metered-billing"} 0',
    );
  });

  it('counters keep `_total` in the text format after an OpenMetrics scrape (Prometheus asks for that first)', async () => {
    const state = new LatestResults();
    state.setAccounts([hs]);
    state.record({ account: hs, snapshot: snapshot(1400), stale: false, error: null }, null, NOW);
    const { text, openMetrics } = createRegistries(state, () => NOW);
    await openMetrics.metrics();
    const after = await text.metrics();
    expect(series(after, 'creditbar_requests_total')).toEqual([
      'creditbar_requests_total{account="hs",provider="happenstance"} 1',
    ]);
    expect(after).toContain('# TYPE creditbar_requests_total counter');
  });

  it('provider text in a label is one short line, escaped; promtool finds nothing wrong with a scrape', async () => {
    const state = new LatestResults();
    state.setAccounts([hs]);
    const unit = 'cr"ed\\its\nand\u202Emore'.padEnd(100, 'x');
    state.record({ account: hs, snapshot: snapshot(5, { unit }), stale: false, error: null }, null, NOW);
    const { text, openMetrics } = await scrape(state);
    const [line] = series(text, 'creditbar_balance');
    expect(line).toMatch(
      /^creditbar_balance\{account="hs",provider="happenstance",unit="cr\\"ed\\\\its and morex+"\} 5$/,
    );
    expect(/unit="([^"\\]|\\.)*"/.exec(line as string)?.[0].length).toBeLessThan(80);
    // promtool reads the classic text format; Prometheus's own OpenMetrics parser reads the other in the e2e test.
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(check.stderr + check.stdout).toBe('');
    expect(check.status).toBe(0);
    expect(openMetrics).toContain('# TYPE creditbar_requests counter\n');
    expect(openMetrics.trimEnd().endsWith('# EOF')).toBe(true);
  });

  it('accounts removed from the config lose their series; kept ones keep their counts; new ones appear', async () => {
    const state = new LatestResults();
    state.setAccounts([hs, mb]);
    state.record({ account: hs, snapshot: snapshot(10), stale: false, error: null }, null, NOW);
    state.setAccounts([{ ...hs, label: 'renamed' }]);
    let { text } = await scrape(state);
    expect(text).not.toContain('account="mb"');
    expect(series(text, 'creditbar_requests_total')).toEqual([
      'creditbar_requests_total{account="hs",provider="happenstance"} 1',
    ]);
    state.setAccounts([hs, mb]);
    state.seed('mb', snapshot(77));
    ({ text } = await scrape(state));
    expect(series(text, 'creditbar_balance')).toContain(
      'creditbar_balance{account="mb",provider="metered-billing",unit="credits"} 77',
    );
  });
});

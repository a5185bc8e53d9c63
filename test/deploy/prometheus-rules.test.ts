import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LatestResults } from '../../main/core/monitor/latest-results';
import { createRegistries } from '../../main/core/serve/metrics';

const DIR = path.resolve(__dirname, '..', '..', 'deploy', 'prometheus');
/** A scrape of a real `creditbar serve` with one account in each state (scripts/record-serve-scrape.ts). */
const RECORDED = path.resolve(__dirname, '..', 'fixtures', 'prometheus', 'serve-scrape.prom');

/** Debian's promtool, installed by `.ci/run` with Prometheus. */
function promtool(cwd: string, ...args: string[]) {
  return spawnSync('promtool', args, { cwd, encoding: 'utf8' });
}

const recordedSeries = () =>
  readFileSync(RECORDED, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.lastIndexOf(' ');
      return { series: line.slice(0, space), value: line.slice(space + 1) };
    });

type Expected = { labels: Record<string, string>; summary: string; description: string };

/**
 * A promtool test on the recorded scrape, every series held for an hour as serve holds it (a rejected key stops
 * polling, so its error counter stays at 1), each alert checked at 40 minutes: past every `for`.
 */
function recordedTest(expected: Record<string, Expected[]>) {
  return {
    rule_files: [path.join(DIR, 'creditbar-rules.yml')],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: recordedSeries().map(({ series, value }) => ({ series, values: `${value}x60` })),
        alert_rule_test: Object.entries(expected).map(([alertname, alerts]) => ({
          eval_time: '40m',
          alertname,
          exp_alerts: alerts.map((a) => ({
            exp_labels: a.labels,
            exp_annotations: { summary: a.summary, description: a.description },
          })),
        })),
      },
    ],
  };
}

describe('the shipped Prometheus alert rules', () => {
  it('promtool checks them', () => {
    const run = promtool(DIR, 'check', 'rules', 'creditbar-rules.yml');
    expect(run.stdout).toContain('SUCCESS: 10 rules found');
    expect(run.status).toBe(0);
  });

  it("promtool's unit tests fire each alert whose series move only after its `for`", () => {
    const run = promtool(DIR, 'test', 'rules', 'creditbar-rules.test.yml');
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it('the recorded scrape is what serve exports today (record it again when a metric changes)', () => {
    const { text } = createRegistries(new LatestResults(), () => new Date());
    const exported = text
      .getMetricsAsArray()
      .map((m) => m.name)
      .filter((name) => name.startsWith('creditbar_'))
      .sort();
    const recorded = [
      ...new Set(
        readFileSync(RECORDED, 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('# TYPE '))
          .map((line) => line.split(' ')[2] as string),
      ),
    ].sort();
    expect(recorded).toEqual(exported);
  });

  it('on what a real serve exported, each account’s state raises its alert, and only that one', () => {
    const test = recordedTest({
      CreditbarBalanceLow: [
        {
          labels: { severity: 'warning', account: 'low', level: 'warning' },
          summary: 'low is running low',
          description: 'Creditbar reports the account low at its warning level.',
        },
      ],
      CreditbarBalanceCritical: [],
      CreditbarBalanceEmpty: [
        {
          labels: { severity: 'critical', account: 'empty', level: 'empty' },
          summary: 'empty has run out',
          description: 'The account empty has no credit left, or its provider asks for payment.',
        },
      ],
      CreditbarKeyRejected: [
        {
          labels: { severity: 'critical', account: 'rejected', kind: 'auth' },
          summary: 'The key for rejected stopped working',
          description: 'The provider rejects the key of rejected: replace it in Creditbar.',
        },
      ],
      CreditbarKeyMissing: [
        {
          labels: { severity: 'critical', account: 'missing', kind: 'no_credentials' },
          summary: 'Creditbar has no key for missing',
          description:
            'Creditbar cannot read missing: its key is missing (no_credentials). Set it in the keys file or the keychain.',
        },
      ],
      CreditbarProviderFailing: [
        {
          labels: { severity: 'warning', account: 'unreachable', kind: 'network' },
          summary: 'Creditbar cannot read unreachable',
          description:
            'Every poll of unreachable has failed for 30 minutes (network): check its host and settings.',
        },
      ],
      CreditbarWatchesNothing: [],
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-rules-'));
    // JSON is YAML: promtool reads it as its test file.
    writeFileSync(path.join(dir, 'recorded.test.yml'), JSON.stringify(test, null, 2));
    const run = promtool(dir, 'test', 'rules', 'recorded.test.yml');
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});

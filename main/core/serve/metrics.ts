import { Counter, collectDefaultMetrics, Gauge, type OpenMetricsContentType, Registry } from 'prom-client';
import { Level } from '../../../shared/model';
import { oneLine } from '../../../shared/one-line';
import type { LatestResults } from '../monitor/latest-results';
import { toAccountStatus } from '../present/account-status';

const DAY_SECONDS = 86_400;

/** Provider-given text (a unit, a quota's name) as a label value: one line, short. prom-client escapes the rest. */
export function labelText(text: string): string {
  return oneLine(text).slice(0, 64);
}

/**
 * Every Creditbar metric, read from the exporter's state at each scrape. Names follow Prometheus's conventions:
 * base units (seconds), ratios from 0 to 1, `_total` on counters only. Two registries hold the same metrics so a
 * scrape can be answered in the classic text format or in OpenMetrics, as its Accept header asks.
 */
export function createRegistries(
  state: LatestResults,
  now: () => Date,
  channelFailures: () => ReadonlyMap<string, number> = () => new Map(),
) {
  const text = new Registry();
  const openMetrics = new Registry<OpenMetricsContentType>();
  openMetrics.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  // Each registry its own metric objects: prom-client renames a counter it serialises as OpenMetrics in place, so
  // a shared one lost `_total` in the text format after Prometheus's first (OpenMetrics) scrape.
  defineMetrics(text, state, now, channelFailures);
  defineMetrics(openMetrics, state, now, channelFailures);
  return { text, openMetrics };
}

/** Every Creditbar metric, in one registry. */
function defineMetrics(
  register: Registry | Registry<OpenMetricsContentType>,
  state: LatestResults,
  now: () => Date,
  channelFailures: () => ReadonlyMap<string, number>,
) {
  const registers = [register];

  new Gauge({
    name: 'creditbar_balance',
    help: 'Credit left on the account, in its unit; the last known value while the provider fails.',
    labelNames: ['account', 'provider', 'unit'],
    registers,
    collect() {
      this.reset();
      for (const { account, result } of state.list()) {
        const remaining = result.snapshot?.remaining;
        if (remaining === null || remaining === undefined) continue;
        const unit = labelText(result.snapshot?.unit ?? 'credits');
        this.set({ account: account.id, provider: account.provider, unit }, remaining);
      }
    },
  });

  new Gauge({
    name: 'creditbar_balance_estimated',
    help: "1 when the account's creditbar_balance is an estimate (a stated balance, plus top-ups, minus the costs reported since: OpenAI, Anthropic), 0 when the provider reported it.",
    labelNames: ['account'],
    registers,
    collect() {
      this.reset();
      for (const { account, result } of state.list()) {
        const snapshot = result.snapshot;
        if (snapshot?.remaining === null || snapshot?.remaining === undefined) continue;
        this.set({ account: account.id }, snapshot.extras.ledger ? 1 : 0);
      }
    },
  });

  const quota = (
    name: string,
    help: string,
    value: (q: { used: number; included: number; percentUsed: number }) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['account', 'provider', 'metric'],
      registers,
      collect() {
        this.reset();
        for (const { account, result } of state.list()) {
          for (const q of result.snapshot?.quotas ?? [])
            this.set(
              { account: account.id, provider: account.provider, metric: labelText(q.metric) },
              value(q),
            );
        }
      },
    });
  quota(
    'creditbar_quota_used_ratio',
    'Share of the quota used this period, from 0 to 1.',
    (q) => q.percentUsed / 100,
  );
  quota('creditbar_quota_used', 'Quota used this period, in the quota unit.', (q) => q.used);
  quota('creditbar_quota_limit', 'Quota included this period, in the quota unit.', (q) => q.included);

  new Gauge({
    name: 'creditbar_runway_seconds',
    help: 'Time until the balance runs out at the recent burn rate; absent while too little history says.',
    labelNames: ['account'],
    registers,
    collect() {
      this.reset();
      for (const { account, forecast } of state.list()) {
        if (forecast?.daysLeft !== null && forecast?.daysLeft !== undefined)
          this.set({ account: account.id }, forecast.daysLeft * DAY_SECONDS);
      }
    },
  });

  new Gauge({
    name: 'creditbar_account_level',
    help: "1 for the account's current level (ok, unknown, warning, critical, empty), 0 for the others.",
    labelNames: ['account', 'level'],
    registers,
    collect() {
      this.reset();
      const at = now();
      for (const { account, result, forecast } of state.list()) {
        const current = toAccountStatus(result, at, forecast).level;
        for (const level of Level.options)
          this.set({ account: account.id, level }, level === current ? 1 : 0);
      }
    },
  });

  new Gauge({
    name: 'creditbar_up',
    help: "1 when the account's last poll answered, 0 when it failed or none has answered yet.",
    labelNames: ['account'],
    registers,
    collect() {
      this.reset();
      for (const { account, result, at } of state.list())
        this.set({ account: account.id }, at !== null && result.error === null ? 1 : 0);
    },
  });

  new Gauge({
    name: 'creditbar_last_success_timestamp_seconds',
    help: 'When the value shown was read from the provider, in Unix seconds.',
    labelNames: ['account'],
    registers,
    collect() {
      this.reset();
      for (const { account, result } of state.list()) {
        const at = result.snapshot ? Date.parse(result.snapshot.fetchedAt) : Number.NaN;
        if (Number.isFinite(at)) this.set({ account: account.id }, at / 1000);
      }
    },
  });

  new Gauge({
    name: 'creditbar_poll_failing',
    help: "1 while the account's last poll failed, labelled with why (auth, no_credentials, network, ...); absent once one answers.",
    labelNames: ['account', 'kind'],
    registers,
    collect() {
      this.reset();
      // A rejected or missing key stops polling, so its error counter stops at 1 and `increase()` never sees it:
      // rules read what is failing now from here.
      for (const { account, result } of state.list())
        if (result.error) this.set({ account: account.id, kind: result.error.kind }, 1);
    },
  });

  new Gauge({
    name: 'creditbar_accounts',
    help: 'Accounts in the config being watched; 0 when a reload left none.',
    registers,
    collect() {
      this.set(state.list().length);
    },
  });

  new Counter({
    name: 'creditbar_poll_errors_total',
    help: 'Polls that failed since the exporter started, by kind (auth, payment, rate_limited, network, ...).',
    labelNames: ['account', 'kind'],
    registers,
    collect() {
      this.reset();
      for (const { account, errors } of state.list())
        for (const [kind, count] of errors) this.inc({ account: account.id, kind }, count);
    },
  });

  new Counter({
    name: 'creditbar_channel_failures_total',
    help: 'Alerts given up on an alert channel since the exporter started (a refusal, or a day of failures); kept in outbox/failed/.',
    labelNames: ['channel'],
    registers,
    collect() {
      this.reset();
      for (const [channel, count] of channelFailures()) this.inc({ channel }, count);
    },
  });

  new Counter({
    name: 'creditbar_requests_total',
    help: "Polls sent to the account's provider since the exporter started (a poll may read several pages).",
    labelNames: ['account', 'provider'],
    registers,
    collect() {
      this.reset();
      for (const { account, requests } of state.list())
        this.inc({ account: account.id, provider: account.provider }, requests);
    },
  });

  collectDefaultMetrics({ register });
  // prom-client names these three gauges with `_total`, which only counters may carry: `promtool check metrics`
  // rejects them, and a lint-clean scrape is worth more than three handle counts.
  for (const name of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ])
    register.removeSingleMetric(name);
}

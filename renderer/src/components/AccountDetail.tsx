import { useMemo, useRef, useState } from 'react';
import { DEFAULT_CRITICAL_PERCENT, DEFAULT_WARN_PERCENT } from '../../../shared/alert-defaults';
import type { AccountView } from '../../../shared/app-state';
import { formatAmount } from '../../../shared/format';
import { providerTag } from '../../../shared/providers';
import { api } from '../api';
import { chartPng } from '../chart-png';
import { resolvedColor } from '../hooks/use-color-scheme';
import { useHistory } from '../hooks/use-history';
import {
  chartLevels,
  clockTime,
  dailyConsumption,
  forecastLine,
  forecastText,
  headline,
  nextCheckText,
  type SnoozeChoice,
  seriesSummary,
  snoozedText,
  snoozeUntil,
  statusLine,
  topUpTimes,
} from '../view-model';
import { BalanceChart, type ChartExtras } from './BalanceChart';
import { DailyBars } from './DailyBars';
import { QuotaBars } from './QuotaBars';
import { ThresholdsEditor } from './ThresholdsEditor';

const DAY = 86_400_000;
const RANGES = [
  { id: '24h', label: '24 h', ms: DAY },
  { id: '7d', label: '7 d', ms: 7 * DAY },
  { id: '30d', label: '30 d', ms: 30 * DAY },
  { id: '90d', label: '90 d', ms: 90 * DAY },
  { id: '1y', label: '1 y', ms: 365 * DAY },
] as const;

export function AccountDetail(props: {
  account: AccountView;
  now: number;
  numberFormat: 'full' | 'compact' | undefined;
  onBack: () => void;
  onEdit: () => void;
}) {
  const { account, now } = props;
  const [range, setRange] = useState<(typeof RANGES)[number]>(RANGES[2]);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const points = useHistory(account.id, range.ms, 350, account.fetchedAt) ?? [];
  const month = useHistory(account.id, 31 * DAY, 2000, account.fetchedAt) ?? [];
  const { value, caption } = headline(account, props.numberFormat);
  const unit = account.unit ?? '%';
  const percentChart = points.length > 0 && points.every((p) => p.remaining === null);
  const chartExtras = useMemo<ChartExtras>(
    () => ({
      levels: chartLevels(account, percentChart),
      topUps: percentChart ? [] : topUpTimes(points),
      // The forecast runs at most one chart range past the last point.
      forecast: percentChart ? null : forecastLine(account, points, now + range.ms),
    }),
    [account, percentChart, points, now, range.ms],
  );
  const extras = account.extras;
  // An export whose save dialog was cancelled answers false: nothing was saved, so nothing is said to be.
  const act = async (
    work: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>,
    done: string,
  ) => {
    const result = await work;
    if (!result.ok) setNotice(result.error.message);
    else setNotice(result.value === false ? null : done);
  };
  const snooze = (choice: SnoozeChoice | null) => {
    const until = choice === null ? null : new Date(snoozeUntil(choice, Date.now())).toISOString();
    return act(
      api().alertsSnooze({ accountId: account.id, until }),
      until === null ? 'Alerts are on again.' : `Alerts snoozed until ${clockTime(until)}.`,
    );
  };
  const snoozed = snoozedText(account, now);
  const chartSection = useRef<HTMLElement>(null);
  const exportPng = () => {
    const section = chartSection.current;
    const canvas = section?.querySelector<HTMLCanvasElement>('.chart canvas');
    if (!section || !canvas) return;
    const png = chartPng(
      canvas,
      `${account.label} · ${range.label}`,
      resolvedColor(section, '--bg'),
      resolvedColor(section, '--ink'),
    );
    void act(api().historyExportPng({ accountId: account.id, png }), 'Chart saved.');
  };
  return (
    <section aria-labelledby="detail-title" className="detail">
      <header className="bar">
        <button type="button" onClick={props.onBack} aria-label="Back to all accounts">
          ← Back
        </button>
        <h1 id="detail-title">
          {account.label}
          {providerTag(account.provider) ? (
            <span className="tag">{providerTag(account.provider)}</span>
          ) : null}
        </h1>
        <p className="summary">{account.providerName}</p>
      </header>

      <div className={`detail-headline level-${account.level}`}>
        <span className="headline">{value}</span> <span className="caption">{caption}</span>
        <p className="row-status">{statusLine(account, now)}</p>
        {nextCheckText(account) ? <p className="row-status muted">{nextCheckText(account)}</p> : null}
      </div>

      <section aria-labelledby="forecast-title">
        <h2 id="forecast-title">Forecast</h2>
        <p>{forecastText(account)}</p>
      </section>

      <section aria-labelledby="chart-title" ref={chartSection}>
        <h2 id="chart-title">History</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Chart range</legend>
          {RANGES.map((r) => (
            <button key={r.id} type="button" aria-pressed={r.id === range.id} onClick={() => setRange(r)}>
              {r.label}
            </button>
          ))}
        </fieldset>
        {points.length > 1 ? (
          <BalanceChart
            points={points}
            label={percentChart ? 'Quota used (%)' : `Balance (${unit})`}
            summary={seriesSummary(points, percentChart ? '%' : unit, account.forecast?.daysLeft)}
            percent={percentChart}
            extras={chartExtras}
          />
        ) : (
          <p className="muted">No history for this range yet.</p>
        )}
      </section>

      <DailyBars days={dailyConsumption(month)} unit={unit} />
      <QuotaBars
        quotas={account.quotas}
        warnPercent={account.alerts.warnPercent ?? DEFAULT_WARN_PERCENT}
        criticalPercent={account.alerts.criticalPercent ?? DEFAULT_CRITICAL_PERCENT}
      />
      {extras.resetsAt ? (
        <p className="muted">
          The allowance starts again on{' '}
          <time dateTime={extras.resetsAt}>
            {new Date(extras.resetsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
          .
        </p>
      ) : null}

      {extras.breakdown ? (
        <section aria-labelledby="breakdown-title">
          <h2 id="breakdown-title">By operation this month</h2>
          <ul className="kv">
            {Object.entries(extras.breakdown)
              .sort((a, b) => b[1] - a[1])
              .map(([operation, used]) => (
                <li key={operation}>
                  <span>{operation.replace(/_/g, ' ')}</span>
                  <span>{formatAmount(used)}</span>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {extras.purchases?.length ||
      extras.autoReload ||
      extras.reserved !== undefined ||
      extras.estimatedCost ? (
        <section aria-labelledby="billing-title">
          <h2 id="billing-title">Billing</h2>
          <ul className="kv">
            {extras.reserved !== undefined ? (
              <li>
                <span>Reserved (not spendable yet)</span>
                <span>{formatAmount(extras.reserved)}</span>
              </li>
            ) : null}
            {extras.autoReload ? (
              <li>
                <span>Auto-reload</span>
                <span>
                  {extras.autoReload.enabled
                    ? `on: +${formatAmount(extras.autoReload.reloadAmount ?? 0)} below ${formatAmount(extras.autoReload.thresholdCredits ?? 0)}`
                    : 'off'}
                </span>
              </li>
            ) : null}
            {extras.estimatedCost ? (
              <li>
                <span>Estimated cost</span>
                <span>
                  {formatAmount(extras.estimatedCost.total)} {extras.estimatedCost.currency.toUpperCase()}
                </span>
              </li>
            ) : null}
            {(extras.purchases ?? []).slice(0, 5).map((p) => (
              <li key={p.at}>
                <span>
                  Top-up {new Date(p.at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}
                </span>
                <span>+{formatAmount(p.credits)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ThresholdsEditor
        idPrefix={account.id}
        value={account.alerts}
        onSave={async (alerts) => {
          const result = await api().alertsSetThresholds({ accountId: account.id, alerts });
          return result.ok ? null : result.error.message;
        }}
      />

      <section aria-labelledby="actions-title" className="actions">
        <h2 id="actions-title" className="visually-hidden">
          Actions
        </h2>
        <button
          type="button"
          onClick={() => act(api().accountsRefresh({ accountId: account.id }), 'Refreshed.')}
        >
          Refresh
        </button>
        {snoozed ? (
          <button type="button" onClick={() => snooze(null)}>
            {`${snoozed[0]?.toUpperCase()}${snoozed.slice(1)}`} — unsnooze
          </button>
        ) : (
          <fieldset className="segmented snooze">
            <legend>Snooze alerts</legend>
            <button type="button" onClick={() => snooze('1h')}>
              1 h
            </button>
            <button type="button" onClick={() => snooze('8h')}>
              8 h
            </button>
            <button type="button" onClick={() => snooze('tomorrow')}>
              Until tomorrow
            </button>
          </fieldset>
        )}
        <button type="button" onClick={props.onEdit}>
          Edit
        </button>
        <button
          type="button"
          onClick={() => act(api().historyExport({ accountId: account.id }), 'History exported.')}
        >
          Export CSV
        </button>
        {points.length > 1 ? (
          <button type="button" onClick={exportPng}>
            Export PNG
          </button>
        ) : null}
        {confirming ? (
          <div role="alertdialog" aria-labelledby="remove-title" className="confirm">
            <p id="remove-title">
              Remove {account.label}?{' '}
              {account.hasKey ? 'Its key is deleted from the system keychain too, ' : ''}and its history is
              deleted.
            </p>
            <button
              type="button"
              className="danger"
              onClick={() => act(api().accountsRemove({ accountId: account.id }), 'Removed.')}
            >
              Remove
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Remove…
          </button>
        )}
      </section>
      {notice ? <p role="status">{notice}</p> : null}
    </section>
  );
}

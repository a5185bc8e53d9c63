import { useEffect, useMemo, useRef, useState } from 'react';
import type { AccountView } from '../../../shared/app-state';
import type { IpcResult } from '../../../shared/ipc';
import { providerTag } from '../../../shared/providers';
import { api } from '../api';
import { chartPng } from '../chart-png';
import { resolvedColor } from '../hooks/use-color-scheme';
import { useHistory } from '../hooks/use-history';
import { useTranslator } from '../hooks/use-translator';
import {
  chartLevels,
  dailyConsumption,
  forecastLine,
  forecastText,
  laterText,
  nextCheckText,
  type SnoozeChoice,
  seenTopUps,
  seriesSummary,
  snoozedText,
  snoozeUntil,
  statusLine,
  topUpTimes,
} from '../view-model';

import { BalanceChart, type ChartExtras, type ChartImage } from './BalanceChart';
import { DailyBars } from './DailyBars';
import { LedgerPanel } from './LedgerPanel';
import { QuotaBars } from './QuotaBars';
import { ThresholdsEditor } from './ThresholdsEditor';
import { TopUpMeter } from './TopUpMeter';

const DAY = 86_400_000;
/** The exported chart is drawn twice as sharp as the popover's: it is looked at full size, on any screen. */
const EXPORT_SCALE = 2;
const RANGES = [
  { id: '24h', ms: DAY },
  { id: '7d', ms: 7 * DAY },
  { id: '30d', ms: 30 * DAY },
  { id: '90d', ms: 90 * DAY },
  { id: '1y', ms: 365 * DAY },
] as const;

export function AccountDetail(props: {
  account: AccountView;
  now: number;
  numberFormat: 'full' | 'compact' | undefined;
  onBack: () => void;
  onEdit: () => void;
}) {
  const tr = useTranslator();
  const { t, say, intl, formatAmount, headline, unitLabel } = tr;
  const { account, now } = props;
  const [range, setRange] = useState<(typeof RANGES)[number]>(RANGES[2]);
  const [confirming, setConfirming] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  // The question opens where the person is looking: scrolled into the popover whole, its safe choice focused (a
  // keyboard user lands in it, and Enter keeps the account).
  useEffect(() => {
    if (!confirming) return;
    confirmBox.current?.scrollIntoView({ block: 'nearest' });
    confirmBox.current?.querySelector<HTMLButtonElement>('button:last-of-type')?.focus();
  }, [confirming]);
  const [notice, setNotice] = useState<string | null>(null);
  const points = useHistory(account.id, range.ms, 350, account.fetchedAt) ?? [];
  const month = useHistory(account.id, 31 * DAY, 2000, account.fetchedAt) ?? [];
  const { value, caption } = headline(account, props.numberFormat);
  const unit = account.unit === null ? '%' : unitLabel(account.unit);
  const percentChart = points.length > 0 && points.every((p) => p.remaining === null);
  // A line needs two readings of what it draws: points from before a ledger balance was stated have none.
  const drawable = points.filter((p) => (percentChart ? p.maxPercent : p.remaining) !== null).length > 1;
  const chartExtras = useMemo<ChartExtras>(
    () => ({
      levels: chartLevels(tr, account, percentChart),
      topUps: percentChart ? [] : topUpTimes(points),
      // The forecast runs at most one chart range past the last point.
      forecast: percentChart ? null : forecastLine(account, points, now + range.ms),
    }),
    [account, percentChart, points, now, range.ms, tr],
  );
  const extras = account.extras;
  const detected = seenTopUps(points, extras.purchases, percentChart);
  // An export whose save dialog was cancelled answers false: nothing was saved, so nothing is said to be.
  const act = async (work: Promise<IpcResult<unknown>>, done: string) => {
    const result = await work;
    if (!result.ok) setNotice(say(result.error.message));
    else setNotice(result.value === false ? null : done);
  };
  const snooze = (choice: SnoozeChoice | null) => {
    const now = Date.now();
    const until = choice === null ? null : snoozeUntil(choice, now);
    return act(
      api().alertsSnooze({
        accountId: account.id,
        until: until === null ? null : new Date(until).toISOString(),
      }),
      // Said as the row says it: a snooze that ends tomorrow names the day.
      until === null ? t('detail.alertsOn') : t('detail.snoozedNotice', { time: laterText(tr, until, now) }),
    );
  };
  const snoozed = snoozedText(tr, account, now);
  const chartSection = useRef<HTMLElement>(null);
  const chartImage = useRef<ChartImage | null>(null);
  const chartLabel = percentChart ? t('detail.chartQuota') : t('detail.chartBalance', { unit });
  const exportPng = async () => {
    const section = chartSection.current;
    const image = (await chartImage.current?.(EXPORT_SCALE)) ?? null;
    const first = points[0]?.t;
    const last = points[points.length - 1]?.t;
    if (!section || !image || first === undefined || last === undefined) {
      setNotice(t('detail.pngFailed'));
      return;
    }
    const { dayMonthYear, time } = intl();
    const at = new Date();
    const legend = [
      `— ${chartLabel}`,
      chartExtras.forecast ? `- - ${t('chart.legendForecast')}` : null,
      chartExtras.topUps.length > 0 ? `▲ ${t('chart.legendTopUp')}` : null,
      ...chartExtras.levels.map((level) => `- - ${level.label}`),
    ];
    const png = chartPng(
      image,
      {
        title: `${account.label} · ${account.providerName}`,
        subtitle: t('export.range', { from: dayMonthYear.format(first), to: dayMonthYear.format(last) }),
        legend: legend.filter((part) => part !== null).join('   '),
        footer: t('export.made', { date: dayMonthYear.format(at), time: time.format(at) }),
      },
      EXPORT_SCALE,
      {
        background: resolvedColor(section, '--bg'),
        ink: resolvedColor(section, '--ink'),
        muted: resolvedColor(section, '--muted'),
      },
    );
    if (png === null) setNotice(t('detail.pngFailed'));
    else void act(api().historyExportPng({ accountId: account.id, png }), t('detail.pngSaved'));
  };
  const tag = providerTag(account.provider);
  return (
    <section aria-labelledby="detail-title" className="detail">
      <header className="bar">
        <button type="button" onClick={props.onBack} aria-label={t('detail.backLabel')}>
          {t('common.back')}
        </button>
        <h1 id="detail-title">
          {account.label}
          {tag ? <span className="tag">{t(tag)}</span> : null}
        </h1>
        <p className="summary">{account.providerName}</p>
      </header>

      <div className={`detail-headline level-${account.level}`}>
        <span className="headline">{value}</span> <span className="caption">{caption}</span>
        <p className="row-status">{statusLine(tr, account, now)}</p>
        {nextCheckText(tr, account) ? <p className="row-status muted">{nextCheckText(tr, account)}</p> : null}
      </div>

      {account.ledger ? <LedgerPanel account={account} /> : null}

      <section aria-labelledby="forecast-title">
        <h2 id="forecast-title">{t('detail.forecast')}</h2>
        <p>{forecastText(tr, account)}</p>
      </section>

      <section aria-labelledby="chart-title" ref={chartSection}>
        <h2 id="chart-title">{t('detail.history')}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('detail.range')}</legend>
          {RANGES.map((r) => (
            <button key={r.id} type="button" aria-pressed={r.id === range.id} onClick={() => setRange(r)}>
              {t(`detail.range.${r.id}`)}
            </button>
          ))}
        </fieldset>
        {drawable ? (
          <BalanceChart
            points={points}
            label={chartLabel}
            unit={percentChart ? '%' : unit}
            image={chartImage}
            summary={seriesSummary(tr, points, percentChart ? '%' : unit, account.forecast?.daysLeft)}
            percent={percentChart}
            extras={chartExtras}
          />
        ) : (
          <p className="muted">{t('detail.noHistory')}</p>
        )}
      </section>

      <DailyBars
        days={dailyConsumption(month)}
        unit={unit}
        pace={percentChart ? null : (account.forecast?.burnPerDay ?? null)}
      />
      <QuotaBars quotas={account.quotas} alerts={account.alerts} />
      <TopUpMeter account={account} />
      {extras.resetsAt ? (
        <p className="muted">
          {t('detail.resets', { date: intl().dayMonthTime.format(new Date(extras.resetsAt)) })}
        </p>
      ) : null}

      {extras.breakdown ? (
        <section aria-labelledby="breakdown-title">
          <h2 id="breakdown-title">{t('detail.byOperation')}</h2>
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
      detected.length > 0 ||
      extras.autoReload ||
      extras.reserved !== undefined ||
      extras.estimatedCost ? (
        <section aria-labelledby="billing-title">
          <h2 id="billing-title">{t('detail.billing')}</h2>
          <ul className="kv">
            {extras.reserved !== undefined ? (
              <li>
                <span>{t('detail.reserved')}</span>
                <span>{formatAmount(extras.reserved)}</span>
              </li>
            ) : null}
            {extras.autoReload ? (
              <li>
                <span>{t('detail.autoReload')}</span>
                <span>
                  {extras.autoReload.enabled
                    ? t('detail.autoReloadOn', {
                        amount: formatAmount(extras.autoReload.reloadAmount ?? 0),
                        threshold: formatAmount(extras.autoReload.thresholdCredits ?? 0),
                      })
                    : t('detail.autoReloadOff')}
                </span>
              </li>
            ) : null}
            {extras.estimatedCost ? (
              <li>
                <span>{t('detail.estimatedCost')}</span>
                <span>
                  {formatAmount(extras.estimatedCost.total)} {extras.estimatedCost.currency.toUpperCase()}
                </span>
              </li>
            ) : null}
            {(extras.purchases ?? []).slice(0, 5).map((p) => (
              <li key={p.at}>
                <span>{t('detail.topUp', { date: intl().dayMonth.format(new Date(p.at)) })}</span>
                <span>+{formatAmount(p.credits)}</span>
              </li>
            ))}
            {detected.map((p) => (
              <li key={p.t}>
                <span>{t('detail.topUpSeen', { date: intl().dayMonth.format(new Date(p.t)) })}</span>
                <span>+{formatAmount(p.amount)}</span>
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
          return result.ok ? null : say(result.error.message);
        }}
      />

      <section aria-labelledby="actions-title" className="actions">
        <h2 id="actions-title" className="visually-hidden">
          {t('detail.actions')}
        </h2>
        {/* Three rows, the same in every language: the account, its alerts, its history. */}
        <div className="action-row">
          <button
            type="button"
            onClick={() => act(api().accountsRefresh({ accountId: account.id }), t('detail.refreshed'))}
          >
            {t('detail.refresh')}
          </button>
          <button type="button" onClick={props.onEdit}>
            {t('detail.edit')}
          </button>
          {confirming ? null : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('detail.removeAsk')}
            </button>
          )}
        </div>
        {confirming ? (
          <div role="alertdialog" aria-labelledby="remove-title" className="confirm" ref={confirmBox}>
            <p id="remove-title">
              {t('detail.removeQuestion', { label: account.label })}{' '}
              {account.hasKey ? t('detail.removeWithKey') : t('detail.removeNoKey')}
            </p>
            <button
              type="button"
              className="danger"
              onClick={() => act(api().accountsRemove({ accountId: account.id }), t('detail.removed'))}
            >
              {t('detail.remove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('detail.keep')}
            </button>
          </div>
        ) : null}
        {snoozed ? (
          <div className="action-row">
            <button type="button" onClick={() => snooze(null)}>
              {t('detail.unsnooze', { snoozed: `${snoozed[0]?.toUpperCase()}${snoozed.slice(1)}` })}
            </button>
          </div>
        ) : (
          <fieldset className="action-row">
            <legend className="action-label">{t('detail.snoozeLegend')}</legend>
            <button type="button" onClick={() => snooze('1h')}>
              {t('detail.snooze1h')}
            </button>
            <button type="button" onClick={() => snooze('8h')}>
              {t('detail.snooze8h')}
            </button>
            <button type="button" onClick={() => snooze('tomorrow')}>
              {t('detail.snoozeTomorrow')}
            </button>
          </fieldset>
        )}
        <fieldset className="action-row">
          <legend className="action-label">{t('detail.export')}</legend>
          <button
            type="button"
            aria-label={t('detail.exportCsv')}
            onClick={() => act(api().historyExport({ accountId: account.id }), t('detail.exported'))}
          >
            {t('detail.csv')}
          </button>
          {drawable ? (
            <button type="button" aria-label={t('detail.exportPng')} onClick={exportPng}>
              {t('detail.png')}
            </button>
          ) : null}
        </fieldset>
      </section>
      {notice ? <p role="status">{notice}</p> : null}
    </section>
  );
}

import { useState } from 'react';
import { useTranslator } from '../hooks/use-translator';
import { isWeekend, niceCeiling } from '../view-model';

const WIDTH = 348;
const HEIGHT = 64;
const AXIS = 44;

/**
 * Consumption per day as bars on a round scale (its top and middle carry values), with the forecast's pace as a
 * dashed line across them so the two can be compared; weekends are a lighter tint, and the day under the pointer
 * (or focused) is read out above the bars. The list under them is what assistive technology reads.
 */
export function DailyBars({
  days,
  unit,
  pace,
}: {
  days: readonly { day: number; used: number }[];
  unit: string;
  /** The forecast's burn per day, in the same unit; null when there is none. */
  pace: number | null;
}) {
  const tr = useTranslator();
  const { t, intl, formatAmount } = tr;
  const [hovered, setHovered] = useState<number | null>(null);
  if (days.length === 0) return null;
  const shown = days.slice(-30);
  const top = niceCeiling(Math.max(...shown.map((d) => d.used), pace ?? 0, 1));
  const y = (value: number) => HEIGHT - (value / top) * (HEIGHT - 6);
  const slot = (WIDTH - AXIS) / shown.length;
  const active = hovered === null ? null : (shown[hovered] ?? null);
  // Made once per language: a hover re-renders on every pointer move.
  const dayLabel = intl().utcDay;
  const describe = (d: { day: number; used: number }) =>
    t('daily.day', { day: dayLabel.format(d.day), amount: formatAmount(d.used), unit });
  const first = shown[0] as { day: number };
  const last = shown[shown.length - 1] as { day: number };
  const hint = t('daily.hint', { count: shown.length });
  return (
    <section aria-labelledby="daily-title">
      <h2 id="daily-title">{t('daily.title')}</h2>
      <p className="daily-readout muted" aria-hidden="true">
        {active
          ? describe(active)
          : pace !== null
            ? t('daily.hintPace', { hint, pace: formatAmount(pace) })
            : hint}
      </p>
      <svg
        className="daily-bars"
        data-axis={t('daily.title')}
        width={WIDTH}
        height={HEIGHT + 14}
        aria-hidden="true"
        onMouseLeave={() => setHovered(null)}
        onMouseMove={(event) => {
          const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
          const index = Math.floor((x - AXIS) / slot);
          setHovered(index >= 0 && index < shown.length ? index : null);
        }}
      >
        <text className="axis-label" x={AXIS - 6} y={9} textAnchor="end">
          {formatAmount(top)}
        </text>
        <text className="axis-label" x={AXIS - 6} y={HEIGHT / 2 + 4} textAnchor="end">
          {formatAmount(top / 2)}
        </text>
        <text className="axis-label" x={AXIS - 6} y={HEIGHT} textAnchor="end">
          0
        </text>
        <line className="axis-line" x1={AXIS - 2} x2={WIDTH} y1={y(top / 2)} y2={y(top / 2)} />
        <line className="axis-line" x1={AXIS - 2} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
        {shown.map((d, i) => {
          const height = Math.max(2, HEIGHT - y(d.used));
          return (
            <rect
              key={d.day}
              className={`daily-bar${isWeekend(d.day) ? ' is-weekend' : ''}${hovered === i ? ' is-active' : ''}`}
              x={AXIS + i * slot + 1}
              y={HEIGHT - height}
              width={Math.max(1, slot - 2)}
              height={height}
            />
          );
        })}
        {pace !== null ? <line className="pace-line" x1={AXIS} x2={WIDTH} y1={y(pace)} y2={y(pace)} /> : null}
        <text className="axis-label tick-label" x={AXIS} y={HEIGHT + 12}>
          {intl().utcDayMonth.format(first.day)}
        </text>
        {/* One day has one date: the same date at both ends would read as a range. */}
        {shown.length > 1 ? (
          <text className="axis-label tick-label" x={WIDTH} y={HEIGHT + 12} textAnchor="end">
            {intl().utcDayMonth.format(last.day)}
          </text>
        ) : null}
      </svg>
      <ul className="visually-hidden">
        {shown.map((d) => (
          <li key={d.day}>
            {describe(d)}
            {isWeekend(d.day) ? t('daily.weekend') : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

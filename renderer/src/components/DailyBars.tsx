import { useState } from 'react';
import { useTranslator } from '../hooks/use-translator';
import { isWeekend } from '../view-model';

const WIDTH = 348;
const HEIGHT = 64;
const AXIS = 44;

/**
 * Consumption per day as bars on a scale: the top of the axis and its middle carry values, weekends are a lighter
 * shade, and the day under the pointer (or focused) is read out above the bars. The list under them is what
 * assistive technology reads.
 */
export function DailyBars({ days, unit }: { days: readonly { day: number; used: number }[]; unit: string }) {
  const tr = useTranslator();
  const { t, intl, formatAmount } = tr;
  const [hovered, setHovered] = useState<number | null>(null);
  if (days.length === 0) return null;
  const shown = days.slice(-30);
  const max = Math.max(...shown.map((d) => d.used), 1);
  const slot = (WIDTH - AXIS) / shown.length;
  const active = hovered === null ? null : (shown[hovered] ?? null);
  // Made once per language: a hover re-renders on every pointer move.
  const dayLabel = intl().utcDay;
  const describe = (d: { day: number; used: number }) =>
    t('daily.day', { day: dayLabel.format(d.day), amount: formatAmount(d.used), unit });
  return (
    <section aria-labelledby="daily-title">
      <h2 id="daily-title">{t('daily.title')}</h2>
      <p className="daily-readout muted" aria-hidden="true">
        {active ? describe(active) : t('daily.hint', { count: shown.length })}
      </p>
      <svg
        className="daily-bars"
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
          {formatAmount(max)}
        </text>
        <text className="axis-label" x={AXIS - 6} y={HEIGHT / 2 + 4} textAnchor="end">
          {formatAmount(max / 2)}
        </text>
        <text className="axis-label" x={AXIS - 6} y={HEIGHT} textAnchor="end">
          0
        </text>
        <line className="axis-line" x1={AXIS - 2} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        <line className="axis-line" x1={AXIS - 2} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
        {shown.map((d, i) => {
          const height = Math.max(2, (d.used / max) * (HEIGHT - 6));
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
        <text className="axis-label" x={AXIS} y={HEIGHT + 12}>
          {dayLabel.format((shown[0] as { day: number }).day)}
        </text>
        <text className="axis-label" x={WIDTH} y={HEIGHT + 12} textAnchor="end">
          {dayLabel.format((shown[shown.length - 1] as { day: number }).day)}
        </text>
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

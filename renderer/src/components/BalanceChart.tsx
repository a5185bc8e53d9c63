import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { useTranslator } from '../hooks/use-translator';
import 'uplot/dist/uPlot.min.css';
import { INTL_LOCALE, type Language } from '../../../shared/i18n/languages';
import { resolvedColor, useColorScheme } from '../hooks/use-color-scheme';
import type { ChartLevel, SeriesPoint } from '../view-model';

const WIDTH = 348;
const HEIGHT = 160;

/** Month and weekday names for uPlot's time axis, in the language the popover speaks. */
function dateNames(language: Language): uPlot.DateNames {
  const locale = INTL_LOCALE[language];
  const month = (style: 'long' | 'short') => {
    const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2026, m, 1)));
  };
  // 4 January 2026 was a Sunday: uPlot's weekday names start on Sunday.
  const weekday = (style: 'long' | 'short') => {
    const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
    return Array.from({ length: 7 }, (_, d) => format.format(Date.UTC(2026, 0, 4 + d)));
  };
  return { MMMM: month('long'), MMM: month('short'), WWWW: weekday('long'), WWW: weekday('short') };
}

export interface ChartExtras {
  levels: readonly ChartLevel[];
  topUps: readonly number[];
  forecast: { from: { t: number; v: number }; to: { t: number; v: number } } | null;
}

/**
 * Balance (or quota %) over time with uPlot: canvas drawing stays fast at 100 000 points. Each alert level is a
 * labelled dashed line, top-ups are marked under the line, the forecast runs dashed to the projected empty date,
 * and the legend under the chart follows the cursor with its time and value.
 */
export function BalanceChart({
  points,
  label,
  summary,
  percent,
  extras,
}: {
  points: readonly SeriesPoint[];
  label: string;
  summary: string;
  percent: boolean;
  extras: ChartExtras;
}) {
  const tr = useTranslator();
  const { t, intl, formatAmount } = tr;
  const host = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();
  useEffect(() => {
    const element = host.current;
    if (!element || points.length === 0) return;
    const xs = points.map((p) => p.t / 1000);
    const ys: (number | null)[] = points.map((p) => (percent ? p.maxPercent : p.remaining));
    const forecast: (number | null)[] = xs.map(() => null);
    const { levels, topUps } = extras;
    if (extras.forecast) {
      forecast[forecast.length - 1] = extras.forecast.from.v;
      xs.push(extras.forecast.to.t / 1000);
      ys.push(null);
      forecast.push(extras.forecast.to.v);
    }
    const names = dateNames(tr.language);
    const color = (variable: string) => resolvedColor(element, variable);
    const ink = color('--muted');
    const accent = color('--accent');
    const levelColor: Record<ChartLevel['level'], string> = {
      warning: color('--warning'),
      critical: color('--critical'),
      empty: color('--empty'),
    };
    const okColor = color('--ok');
    const grid = scheme === 'dark' ? 'rgba(240,246,252,0.12)' : 'rgba(31,35,40,0.12)';
    const format = (v: number | null) => (v === null ? '—' : `${formatAmount(v)}${percent ? '%' : ''}`);
    const chart = new uPlot(
      {
        width: WIDTH,
        height: HEIGHT,
        legend: { show: true, live: true },
        fmtDate: (template) => uPlot.fmtDate(template, names),
        cursor: { y: false, points: { size: 6 } },
        scales: {
          x: { time: true },
          y: {
            // The levels stay in view, and zero too when the forecast runs down to it.
            range: (_u, min, max) => {
              const lows = [min, ...levels.map((l) => l.value)];
              if (extras.forecast) lows.push(0);
              const lo = Math.min(...lows);
              const hi = Math.max(max, ...levels.map((l) => l.value));
              const pad = (hi - lo) * 0.08 || 1;
              return [lo - pad, hi + pad];
            },
          },
        },
        axes: [
          { stroke: ink, grid: { show: false }, ticks: { stroke: grid }, size: 30 },
          {
            stroke: ink,
            grid: { stroke: grid },
            ticks: { stroke: grid },
            size: 52,
            values: (_u, splits) => splits.map((v) => formatAmount(v)),
          },
        ],
        series: [
          {
            label: t('chart.time'),
            value: (_u, v) => (v === null ? '—' : intl().dayMonthTime.format(v * 1000)),
          },
          {
            label,
            stroke: accent,
            width: 1.5,
            fill: scheme === 'dark' ? 'rgba(68,147,248,0.12)' : 'rgba(9,105,218,0.08)',
            spanGaps: true,
            value: (_u, v) => format(v),
          },
          {
            label: t('chart.legendForecast'),
            stroke: accent,
            width: 1.5,
            dash: [5, 4],
            spanGaps: true,
            points: { show: false },
            value: (_u, v) => format(v),
          },
        ],
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              const { left, top, width, height } = u.bbox;
              ctx.save();
              ctx.font = `${Math.round(10 * devicePixelRatio)}px system-ui, sans-serif`;
              for (const level of levels) {
                const y = u.valToPos(level.value, 'y', true);
                if (y < top || y > top + height) continue;
                ctx.strokeStyle = levelColor[level.level];
                ctx.fillStyle = levelColor[level.level];
                ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
                ctx.lineWidth = devicePixelRatio;
                ctx.beginPath();
                ctx.moveTo(left, y);
                ctx.lineTo(left + width, y);
                ctx.stroke();
                // At the right end: the left end is where the history starts, often right on a level.
                ctx.textAlign = 'right';
                ctx.fillText(level.label, left + width - 4 * devicePixelRatio, y - 3 * devicePixelRatio);
              }
              ctx.setLineDash([]);
              ctx.fillStyle = okColor;
              const size = 4 * devicePixelRatio;
              for (const t of topUps) {
                const x = u.valToPos(t / 1000, 'x', true);
                if (x < left || x > left + width) continue;
                const base = top + height;
                ctx.beginPath();
                ctx.moveTo(x, base - 2 * size);
                ctx.lineTo(x - size, base);
                ctx.lineTo(x + size, base);
                ctx.closePath();
                ctx.fill();
              }
              ctx.restore();
            },
          ],
        },
      },
      [xs, ys, forecast],
      element,
    );
    return () => chart.destroy();
  }, [points, label, percent, extras, scheme, t, intl, formatAmount, tr.language]);
  return (
    <figure className="chart">
      <div ref={host} role="img" aria-label={t('chart.overTime', { label, summary })} />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

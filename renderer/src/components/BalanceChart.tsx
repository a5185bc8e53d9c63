import { type MutableRefObject, useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import { useTranslator } from '../hooks/use-translator';
import 'uplot/dist/uPlot.min.css';
import type { Translator } from '../../../shared/i18n/translator';
import { resolvedColor, useColorScheme } from '../hooks/use-color-scheme';
import { MIN_TIME_SPAN_MS, timeTicks } from '../time-axis';
import type { ChartLevel, SeriesPoint } from '../view-model';

const WIDTH = 348;
const HEIGHT = 150;
/** At most this many dates under the chart: each needs about 60 px to be read apart from the next. */
const TIME_LABELS = 5;

export interface ChartExtras {
  levels: readonly ChartLevel[];
  topUps: readonly number[];
  forecast: { from: { t: number; v: number }; to: { t: number; v: number } } | null;
}

/**
 * The chart drawn again off-screen, `scale` times as sharp, with its dates drawn in: what Export PNG saves. uPlot
 * draws after a microtask, so the canvas comes once it has.
 */
export type ChartImage = (scale: number) => Promise<HTMLCanvasElement>;

interface Palette {
  ink: string;
  grid: string;
  accent: string;
  fill: string;
  ok: string;
  level: Record<ChartLevel['level'], string>;
}

interface Plot {
  tr: Translator;
  data: uPlot.AlignedData;
  percent: boolean;
  extras: ChartExtras;
  palette: Palette;
}

/**
 * uPlot's options at a scale: 1 in the popover (the dates are the page's own text under the canvas), 2 for the
 * exported image (the dates drawn into it, every size doubled).
 */
function chartOptions(plot: Plot, scale: number, hooks: uPlot.Hooks.Arrays = {}): uPlot.Options {
  const { tr, percent, extras, palette } = plot;
  const { levels, topUps } = extras;
  const px = (n: number) => n * scale;
  const exported = scale !== 1;
  const font = `${px(10)}px system-ui, sans-serif`;
  let dateLabels = new Map<number, string>();
  return {
    width: px(WIDTH),
    height: px(exported ? HEIGHT + 20 : HEIGHT),
    legend: { show: false },
    cursor: exported ? { show: false } : { y: false, points: { size: 6 } },
    scales: {
      x: {
        time: true,
        // Readings moments apart are spread over an hour: clock times under them, not milliseconds.
        range: (_u, min, max) =>
          max - min < MIN_TIME_SPAN_MS / 1000 ? [max - MIN_TIME_SPAN_MS / 1000, max] : [min, max],
      },
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
      exported
        ? {
            stroke: palette.ink,
            font,
            grid: { show: false },
            ticks: { stroke: palette.grid, size: px(4) },
            size: px(24),
            // The same dates as the popover's, chosen for the scale's range; the labels kept for values().
            splits: (_u, _i, min, max) => {
              const ticks = timeTicks(tr, min * 1000, max * 1000, TIME_LABELS);
              dateLabels = new Map(ticks.map((tick) => [tick.at / 1000, tick.label]));
              return ticks.map((tick) => tick.at / 1000);
            },
            values: (_u, splits) => splits.map((s) => dateLabels.get(s) ?? ''),
          }
        : { show: false },
      {
        stroke: palette.ink,
        font,
        grid: { stroke: palette.grid, width: px(1) },
        ticks: { stroke: palette.grid, size: px(4) },
        size: px(52),
        values: (_u, splits) => splits.map((v) => `${tr.formatAmount(v)}${percent ? '%' : ''}`),
      },
    ],
    series: [
      {},
      // The area under the balance down to zero, not to the padded foot of the scale: credit, not axis.
      {
        stroke: palette.accent,
        width: px(1.5),
        fill: palette.fill,
        fillTo: 0,
        spanGaps: true,
        points: { show: false },
      },
      {
        stroke: palette.accent,
        width: px(1.5),
        dash: [px(5), px(4)],
        spanGaps: true,
        points: { show: false },
      },
    ],
    hooks: {
      ...hooks,
      draw: [
        (u) => {
          const ctx = u.ctx;
          const { left, top, width, height } = u.bbox;
          const ratio = u.ctx.canvas.width / u.width;
          ctx.save();
          ctx.lineWidth = ratio * scale;
          for (const level of levels) {
            const y = u.valToPos(level.value, 'y', true);
            if (y < top || y > top + height) continue;
            ctx.strokeStyle = palette.level[level.level];
            ctx.setLineDash([3 * ratio * scale, 3 * ratio * scale]);
            ctx.beginPath();
            ctx.moveTo(left, y);
            ctx.lineTo(left + width, y);
            ctx.stroke();
          }
          ctx.setLineDash([]);
          ctx.fillStyle = palette.ok;
          const size = 4 * ratio * scale;
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
        ...(hooks.draw ?? []),
      ],
    },
  };
}

/**
 * Balance (or quota %) over time with uPlot: canvas drawing stays fast at 100 000 points. Alert levels are dashed
 * lines in their colours, top-ups are triangles under the line, the forecast runs dashed to the projected empty
 * date; the legend under the chart says which is which, and what the pointer is on. The dates under it are the
 * page's own text, in the reader's language, one style for the range shown.
 */
export function BalanceChart({
  points,
  label,
  summary,
  percent,
  extras,
  unit,
  image,
}: {
  points: readonly SeriesPoint[];
  label: string;
  summary: string;
  percent: boolean;
  extras: ChartExtras;
  unit: string;
  image?: MutableRefObject<ChartImage | null>;
}) {
  const tr = useTranslator();
  const { t, intl, formatAmount } = tr;
  const host = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();
  const [ticks, setTicks] = useState<{ left: number; label: string }[]>([]);
  const [readout, setReadout] = useState<string | null>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || points.length === 0) return;
    const xs = points.map((p) => p.t / 1000);
    const ys: (number | null)[] = points.map((p) => (percent ? p.maxPercent : p.remaining));
    const forecast: (number | null)[] = xs.map(() => null);
    if (extras.forecast) {
      forecast[forecast.length - 1] = extras.forecast.from.v;
      xs.push(extras.forecast.to.t / 1000);
      ys.push(null);
      forecast.push(extras.forecast.to.v);
    }
    const color = (variable: string) => resolvedColor(element, variable);
    const palette: Palette = {
      ink: color('--muted'),
      grid: scheme === 'dark' ? 'rgba(240,246,252,0.12)' : 'rgba(31,35,40,0.12)',
      accent: color('--accent'),
      fill: scheme === 'dark' ? 'rgba(68,147,248,0.12)' : 'rgba(9,105,218,0.08)',
      ok: color('--ok'),
      level: { warning: color('--warning'), critical: color('--critical'), empty: color('--empty') },
    };
    const plot: Plot = { tr, data: [xs, ys, forecast], percent, extras, palette };
    const written = (v: number | null | undefined) =>
      v === null || v === undefined ? null : `${formatAmount(v)}${percent ? '%' : ` ${unit}`}`;
    const chart = new uPlot(
      chartOptions(plot, 1, {
        // The dates under the plot, where uPlot puts the x scale now.
        draw: [
          (u) => {
            const { min = 0, max = 0 } = u.scales.x ?? {};
            const left = u.bbox.left / (u.ctx.canvas.width / u.width);
            const width = u.bbox.width / (u.ctx.canvas.width / u.width);
            setTicks(
              timeTicks(tr, min * 1000, max * 1000, TIME_LABELS).map((tick) => ({
                left: left + ((tick.at / 1000 - min) / Math.max(max - min, 1)) * width,
                label: tick.label,
              })),
            );
          },
        ],
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            if (i === null || i === undefined) {
              setReadout(null);
              return;
            }
            const value = written(u.data[1]?.[i]) ?? written(u.data[2]?.[i]);
            const at = u.data[0][i];
            setReadout(
              value && at !== undefined ? `${intl().dayMonthTime.format(at * 1000)} · ${value}` : null,
            );
          },
        ],
      }),
      plot.data,
      element,
    );
    if (image)
      image.current = (scale) =>
        new Promise((resolve) => {
          const box = document.createElement('div');
          new uPlot(
            chartOptions(plot, scale, {
              draw: [
                (u) => {
                  resolve(u.ctx.canvas);
                  u.destroy();
                },
              ],
            }),
            plot.data,
            box,
          );
        });
    return () => {
      chart.destroy();
      if (image) image.current = null;
    };
  }, [points, percent, extras, scheme, tr, intl, formatAmount, unit, image]);
  return (
    <figure className="chart">
      <div ref={host} role="img" aria-label={t('chart.overTime', { label, summary })} />
      <div className="chart-dates" data-axis={t('chart.time')} aria-hidden="true">
        {ticks.map((tick) => (
          <span
            key={tick.label}
            // A date at the right edge ends there instead of running past the chart.
            className={`chart-date tick-label${tick.left > WIDTH - 30 ? ' at-end' : ''}`}
            style={{ left: `${tick.left}px` }}
          >
            {tick.label}
          </span>
        ))}
      </div>
      <figcaption className="chart-legend" aria-hidden="true">
        <span className="legend-item">
          <span className="swatch swatch-line" />
          {label}
        </span>
        {extras.forecast ? (
          <span className="legend-item">
            <span className="swatch swatch-dashed" />
            {t('chart.legendForecast')}
          </span>
        ) : null}
        {extras.topUps.length > 0 ? (
          <span className="legend-item">
            <span className="swatch swatch-top-up" />
            {t('chart.legendTopUp')}
          </span>
        ) : null}
        {extras.levels.map((level) => (
          <span key={level.level} className="legend-item">
            <span className={`swatch swatch-level level-${level.level}`} />
            {level.label}
          </span>
        ))}
      </figcaption>
      <p className="chart-readout muted" aria-hidden="true">
        {readout ?? t('chart.pointHint')}
      </p>
      <p className="visually-hidden">{summary}</p>
    </figure>
  );
}

import type { SparkPoint } from '../../../shared/app-state';
import { useTranslator } from '../hooks/use-translator';
import { seriesSummary } from '../view-model';

const WIDTH = 72;
const HEIGHT = 20;

/**
 * A 30-day line, drawn as one SVG path from the points main sends with the state; its text summary is what a screen
 * reader hears.
 */
export function Sparkline({ points, unit }: { points: readonly SparkPoint[]; unit: string }) {
  const tr = useTranslator();
  const { t } = tr;
  const values = points
    .map((p) => ({ t: p.t, v: p.remaining ?? p.maxPercent }))
    .filter((p): p is { t: number; v: number } => p.v !== null);
  // Nothing to draw takes no room: the name and the figure keep it.
  if (values.length < 2) return null;
  const t0 = values[0]?.t ?? 0;
  const t1 = values[values.length - 1]?.t ?? 1;
  const lo = Math.min(...values.map((p) => p.v));
  const hi = Math.max(...values.map((p) => p.v));
  const x = (t: number) => ((t - t0) / Math.max(1, t1 - t0)) * (WIDTH - 2) + 1;
  const y = (v: number) => HEIGHT - 2 - ((v - lo) / Math.max(1e-9, hi - lo)) * (HEIGHT - 4);
  const d = values.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={t('sparkline.label', { summary: seriesSummary(tr, [...points], unit) })}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

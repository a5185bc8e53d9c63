import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesPoint } from '../view-model';

const WIDTH = 348;
const HEIGHT = 150;

/** Balance (or quota %) over time with uPlot: canvas drawing stays fast at 100 000 points. */
export function BalanceChart({
  points,
  label,
  summary,
}: {
  points: readonly SeriesPoint[];
  label: string;
  summary: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || points.length === 0) return;
    const usePercent = points.every((p) => p.remaining === null);
    const xs = points.map((p) => p.t / 1000);
    const ys = points.map((p) => (usePercent ? p.maxPercent : p.remaining));
    const accent = getComputedStyle(element).getPropertyValue('--accent').trim() || '#1f6feb';
    const ink = getComputedStyle(element).getPropertyValue('--muted').trim() || '#57606a';
    const chart = new uPlot(
      {
        width: WIDTH,
        height: HEIGHT,
        legend: { show: false },
        cursor: { y: false },
        scales: { x: { time: true } },
        axes: [
          { stroke: ink, grid: { show: false }, size: 28 },
          { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.15)' }, size: 48 },
        ],
        series: [{}, { label, stroke: accent, width: 1.5, fill: 'rgba(31,111,235,0.08)', spanGaps: true }],
      },
      [xs, ys],
      element,
    );
    return () => chart.destroy();
  }, [points, label]);
  return (
    <figure className="chart">
      <div ref={host} role="img" aria-label={`${label} over time. ${summary}`} />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

/** What the exported image says around its chart: whose history, which range (with its years), the unit, when. */
export interface ChartCaption {
  title: string;
  subtitle: string;
  legend: string;
  footer: string;
}

/**
 * The history chart as a PNG a person can share: the chart drawn again at `scale` (BalanceChart's image), on the
 * page's background (a canvas is transparent, which reads as black in most viewers), under a title naming the
 * account and a line with the range and the unit, over the legend and the time it was exported. Returned as
 * base64 for `history:export-png`, which checks it and writes it where the person chooses; null when the page has
 * no 2D canvas to draw on.
 */
export function chartPng(
  chart: HTMLCanvasElement,
  caption: ChartCaption,
  scale: number,
  colors: { background: string; ink: string; muted: string },
): string | null {
  const margin = 12 * scale;
  const head = 44 * scale;
  const foot = 40 * scale;
  const out = document.createElement('canvas');
  out.width = chart.width + 2 * margin;
  out.height = chart.height + head + foot;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = colors.ink;
  ctx.font = `600 ${14 * scale}px system-ui, sans-serif`;
  ctx.fillText(caption.title, margin, 20 * scale, out.width - 2 * margin);
  ctx.fillStyle = colors.muted;
  ctx.font = `${11 * scale}px system-ui, sans-serif`;
  ctx.fillText(caption.subtitle, margin, 36 * scale, out.width - 2 * margin);
  ctx.drawImage(chart, margin, head);
  const below = head + chart.height;
  ctx.fillText(caption.legend, margin, below + 16 * scale, out.width - 2 * margin);
  ctx.fillText(caption.footer, margin, below + 32 * scale, out.width - 2 * margin);
  return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

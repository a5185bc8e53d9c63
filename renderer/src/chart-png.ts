/**
 * The history chart as a PNG a person can share: the chart's canvas on the page's background (a canvas is
 * transparent, which reads as black in most viewers), under a title line saying whose history and which range.
 * Returned as base64 for `history:export-png`, which checks it and writes it where the person chooses; null
 * when the page has no 2D canvas to draw on.
 */
export function chartPng(
  canvas: HTMLCanvasElement,
  title: string,
  background: string,
  ink: string,
): string | null {
  const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const band = Math.round(24 * ratio);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + band;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = ink;
  ctx.font = `600 ${Math.round(13 * ratio)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, Math.round(8 * ratio), band / 2);
  ctx.drawImage(canvas, 0, band);
  return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

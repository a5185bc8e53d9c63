/** One policy's place on the plot: requests a day (x, log scale) against the p95 alert delay (y). */
export interface PlotPoint {
  label: string;
  requestsPerDay: number;
  p95Minutes: number;
}

const WIDTH = 640;
const HEIGHT = 400;
const PAD = { left: 64, right: 24, top: 32, bottom: 56 };
const X_MIN = 5;
const X_MAX = 2000;
const Y_MAX = 30;

const x = (requests: number) =>
  PAD.left +
  ((Math.log10(Math.min(X_MAX, Math.max(X_MIN, requests))) - Math.log10(X_MIN)) /
    (Math.log10(X_MAX) - Math.log10(X_MIN))) *
    (WIDTH - PAD.left - PAD.right);
const y = (minutes: number) =>
  HEIGHT - PAD.bottom - (Math.min(Y_MAX, minutes) / Y_MAX) * (HEIGHT - PAD.top - PAD.bottom);

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The trade-off every scheduler makes, as an SVG: fewer requests to the left, faster alerts lower down. One dot per
 * policy, and a line through Creditbar's own settings swept (its longest wait), so the default's place shows.
 */
export function pollingPlot(policies: readonly PlotPoint[], sweep: readonly PlotPoint[]): string {
  const ticksX = [5, 10, 25, 50, 100, 250, 500, 1000, 2000];
  const ticksY = [0, 5, 10, 15, 20, 25, 30];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    '<title>Requests per day against p95 alert delay, one dot per policy, a line for Creditbar settings</title>',
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="14">Requests per day against p95 alert delay, all traces</text>`,
  ];
  for (const t of ticksX) {
    parts.push(
      `<line x1="${x(t)}" y1="${PAD.top}" x2="${x(t)}" y2="${HEIGHT - PAD.bottom}" stroke="#eee"/>`,
      `<text x="${x(t)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${t}</text>`,
    );
  }
  for (const t of ticksY) {
    parts.push(
      `<line x1="${PAD.left}" y1="${y(t)}" x2="${WIDTH - PAD.right}" y2="${y(t)}" stroke="#eee"/>`,
      `<text x="${PAD.left - 8}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
    );
  }
  parts.push(
    `<line x1="${PAD.left}" y1="${y(5)}" x2="${WIDTH - PAD.right}" y2="${y(5)}" stroke="#c33" stroke-dasharray="4 4"/>`,
    `<text x="${WIDTH - PAD.right}" y="${y(5) - 4}" text-anchor="end" fill="#c33">5 min target</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 16}" text-anchor="middle">requests per day per account (log scale)</text>`,
    `<text x="16" y="${HEIGHT / 2}" text-anchor="middle" transform="rotate(-90 16 ${HEIGHT / 2})">p95 minutes from crossing to alert</text>`,
  );
  if (sweep.length > 1) {
    const path = sweep.map(
      (p, i) => `${i === 0 ? 'M' : 'L'}${x(p.requestsPerDay).toFixed(1)},${y(p.p95Minutes).toFixed(1)}`,
    );
    parts.push(`<path d="${path.join(' ')}" fill="none" stroke="#2a6" stroke-width="2"/>`);
    sweep.forEach((p, i) => {
      // Neighbouring settings sit close together: their labels take turns above and below the line.
      const dy = i % 2 === 0 ? 16 : -8;
      parts.push(
        `<circle cx="${x(p.requestsPerDay).toFixed(1)}" cy="${y(p.p95Minutes).toFixed(1)}" r="3" fill="#2a6"/>`,
        `<text x="${x(p.requestsPerDay).toFixed(1)}" y="${(y(p.p95Minutes) + dy).toFixed(1)}" text-anchor="middle" fill="#2a6" font-size="10">${xmlText(p.label)}</text>`,
      );
    });
  }
  for (const p of policies) {
    const cx = x(p.requestsPerDay);
    // Near the right edge a label goes to the left of its dot, so it is not cut off.
    const right = cx > WIDTH * 0.7;
    parts.push(
      `<circle cx="${cx.toFixed(1)}" cy="${y(p.p95Minutes).toFixed(1)}" r="5" fill="#25c"/>`,
      `<text x="${(cx + (right ? -8 : 8)).toFixed(1)}" y="${(y(p.p95Minutes) - 8).toFixed(1)}" text-anchor="${right ? 'end' : 'start'}">${xmlText(p.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

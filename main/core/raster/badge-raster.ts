import type { BadgeModel, BadgeTone } from '../present/badge-model';

/** An RGBA bitmap, row by row, 4 bytes a pixel. */
export interface Bitmap {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Tray sizes: a 16 px icon at every scale Windows uses (100 % to 300 %), and 4x for macOS and Linux's HiDPI, so
 * no screen gets a resampled, blurred badge.
 */
export const BADGE_SIZES = [16, 20, 24, 32, 40, 48, 64] as const;

// The badge's letters on a 3×5 grid (1 wide for the dot and "!"), enough for every badge text. Each row is a bit
// string; strokes join neighbouring cells, and are drawn smooth at any size (glyphStrokes, coverage below).
export const GLYPHS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '001', '001', '001'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '-': ['000', '000', '111', '000', '000'],
  '.': ['0', '0', '0', '0', '1'],
  '!': ['1', '1', '1', '0', '1'],
  k: ['100', '101', '110', '101', '101'],
  M: ['101', '111', '111', '101', '101'],
  G: ['111', '100', '101', '101', '111'],
  T: ['111', '010', '010', '010', '010'],
  P: ['110', '101', '110', '100', '100'],
  '>': ['100', '010', '001', '010', '100'],
  '%': ['101', '001', '010', '100', '101'],
  '?': ['111', '001', '010', '000', '010'],
};
const GLYPH_HEIGHT = 5;

type Rgb = readonly [number, number, number];

/** Colours chosen for contrast on light and dark menu bars; warning uses dark text on amber. */
export const TONE_COLOURS: Record<BadgeTone, { background: Rgb; text: Rgb }> = {
  ok: { background: [26, 127, 55], text: [255, 255, 255] },
  warning: { background: [212, 167, 44], text: [0, 0, 0] },
  critical: { background: [207, 34, 46], text: [255, 255, 255] },
  empty: { background: [110, 0, 20], text: [255, 255, 255] },
  error: { background: [130, 80, 223], text: [255, 255, 255] },
  idle: { background: [110, 118, 129], text: [110, 118, 129] },
};
const STALE_MARK: Rgb = [255, 255, 255];

/**
 * Each state has its own shape, so the badge is read without telling colours apart: ok a rounded square,
 * warning the same with a corner folded off, critical an octagon, empty a disc, an error a triangle (with "!"),
 * and idle (paused, nothing to watch) only an outline.
 */
export const TONE_SHAPES: Record<
  BadgeTone,
  'rounded' | 'folded' | 'octagon' | 'disc' | 'triangle' | 'outline'
> = {
  ok: 'rounded',
  warning: 'folded',
  critical: 'octagon',
  empty: 'disc',
  error: 'triangle',
  idle: 'outline',
};

function textWidth(text: string): number {
  const glyphs = [...text].map((c) => (GLYPHS[c] ?? (GLYPHS['?'] as string[]))[0]?.length ?? 3);
  return glyphs.reduce((sum, w) => sum + w, 0) + Math.max(0, glyphs.length - 1);
}

/**
 * Drops decimals until the text fits the grid width given ("1.8k" stays, "12.5%" becomes "12%"). At 16 px a
 * badge's letters are one pixel a cell: 15 cells wide fits any four glyphs ("120k", "999T", "-12k").
 */
export function fitText(text: string, maxWidth: number): string {
  let fitted = text;
  while (textWidth(fitted) > maxWidth && fitted.includes('.')) fitted = fitted.replace(/\.\d/, '');
  return textWidth(fitted) > maxWidth ? '?' : fitted;
}

/** The widest text, in grid cells, a badge draws. */
export const BADGE_TEXT_CELLS = 15;

/** Line segments joining a glyph's lit cells (centre to centre), and its dots; in grid cells from its origin. */
function glyphStrokes(rows: readonly string[]): [number, number, number, number][] {
  const lit = (x: number, y: number) => rows[y]?.[x] === '1';
  const strokes: [number, number, number, number][] = [];
  rows.forEach((row, y) => {
    [...row].forEach((bit, x) => {
      if (bit !== '1') return;
      let joined = false;
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
        [1, 1],
        [-1, 1],
      ] as const) {
        if (!lit(x + dx, y + dy)) continue;
        // A diagonal only where no corner joins the two already (the arms of k, >, %, not a filled corner).
        if (dx !== 0 && dy !== 0 && (lit(x + dx, y) || lit(x, y + dy))) continue;
        strokes.push([x + 0.5, y + 0.5, x + dx + 0.5, y + dy + 0.5]);
        joined = true;
      }
      const reached =
        lit(x - 1, y) ||
        lit(x, y - 1) ||
        (lit(x - 1, y - 1) && !lit(x - 1, y) && !lit(x, y - 1)) ||
        (lit(x + 1, y - 1) && !lit(x + 1, y) && !lit(x, y - 1));
      if (!joined && !reached) strokes.push([x + 0.5, y + 0.5, x + 0.5, y + 0.5]);
    });
  });
  return strokes;
}

function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: readonly number[]): number {
  const [ax, ay, bx, by] = [x1 as number, y1 as number, x2 as number, y2 as number];
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether a point (in units of a 16 px badge) is inside a shape; the outline's inside is its ring. */
function insideShape(shape: (typeof TONE_SHAPES)[BadgeTone], x: number, y: number): boolean {
  const inRounded = (inset: number, radius: number) => {
    const lo = inset + radius;
    const hi = 16 - inset - radius;
    const cx = Math.min(Math.max(x, lo), hi);
    const cy = Math.min(Math.max(y, lo), hi);
    return (
      x >= inset &&
      x <= 16 - inset &&
      y >= inset &&
      y <= 16 - inset &&
      (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
    );
  };
  switch (shape) {
    case 'rounded':
      return inRounded(0, 3);
    case 'folded':
      // The top right corner folded off along a diagonal, like a page's dog-ear.
      return inRounded(0, 3) && x - y <= 11;
    case 'octagon':
      return x + y >= 4.5 && x - y <= 11.5 && y - x <= 11.5 && x + y <= 27.5;
    case 'disc':
      return (x - 8) ** 2 + (y - 8) ** 2 <= 8 ** 2;
    case 'triangle': {
      // Point up, its base along the bottom: the warning-sign outline every OS uses for a problem.
      const halfWidth = (y / 16) * 8.5;
      return y >= 0.5 && y <= 16 && Math.abs(x - 8) <= halfWidth;
    }
    default:
      return inRounded(0, 3) && !inRounded(1.6, 1.6);
  }
}

/** Samples per pixel side for the shapes' edges: 4 × 4, enough for smooth edges at 16 px. */
const SAMPLES = 4;

function blend(bitmap: Bitmap, x: number, y: number, [r, g, b]: Rgb, coverage: number): void {
  if (coverage <= 0 || x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return;
  const i = (y * bitmap.width + x) * 4;
  const alpha = (bitmap.rgba[i + 3] ?? 0) / 255;
  const out = coverage + alpha * (1 - coverage);
  const mix = (under: number, over: number) =>
    Math.round((over * coverage + under * alpha * (1 - coverage)) / out);
  bitmap.rgba[i] = mix(bitmap.rgba[i] ?? 0, r);
  bitmap.rgba[i + 1] = mix(bitmap.rgba[i + 1] ?? 0, g);
  bitmap.rgba[i + 2] = mix(bitmap.rgba[i + 2] ?? 0, b);
  bitmap.rgba[i + 3] = Math.round(out * 255);
}

/**
 * Draws the badge (Windows and Linux show the number inside the icon): the tone's shape in its colour, the text
 * as large as it fits, smooth at any size, and a corner mark when the number is stale. An error says "!".
 */
export function rasterBadge(model: Pick<BadgeModel, 'text' | 'tone' | 'stale'>, size: number): Bitmap {
  const bitmap: Bitmap = { width: size, height: size, rgba: new Uint8Array(size * size * 4) };
  const colours = TONE_COLOURS[model.tone];
  const shape = TONE_SHAPES[model.tone];
  const unit = size / 16;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (insideShape(shape, (x + (sx + 0.5) / SAMPLES) / unit, (y + (sy + 0.5) / SAMPLES) / unit))
            hits++;
      blend(bitmap, x, y, colours.background, hits / (SAMPLES * SAMPLES));
    }
  }
  const text = model.tone === 'error' ? '!' : fitText(model.text, BADGE_TEXT_CELLS);
  if (text) {
    const width = textWidth(text);
    // The triangle's text sits low and small, inside its widening body.
    const room = shape === 'triangle' ? { w: 6, h: 9, top: 5.5 } : { w: 15, h: 12, top: null };
    // Whole pixels a cell: upright strokes land on pixels and stay sharp at every tray scale; only the diagonals
    // (k, %, >) and the joins blend their edges.
    const cell = Math.max(
      1,
      Math.floor(Math.min((room.w * unit) / width, (room.h * unit) / GLYPH_HEIGHT, 2.4 * unit)),
    );
    const strokes: [number, number, number, number][] = [];
    let origin = 0;
    for (const char of text) {
      const rows = GLYPHS[char] ?? (GLYPHS['?'] as string[]);
      for (const [x1, y1, x2, y2] of glyphStrokes(rows)) strokes.push([x1 + origin, y1, x2 + origin, y2]);
      origin += (rows[0]?.length ?? 3) + 1;
    }
    // On whole pixels, so the strokes do too.
    const left = Math.round((size - width * cell) / 2);
    const top = Math.round(room.top === null ? (size - GLYPH_HEIGHT * cell) / 2 : room.top * unit);
    // Strokes a cell wide, as the grid draws them.
    const half = cell / 2;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const gx = (x + 0.5 - left) / cell;
        const gy = (y + 0.5 - top) / cell;
        if (gx < -1 || gy < -1 || gx > width + 1 || gy > GLYPH_HEIGHT + 1) continue;
        let nearest = Number.POSITIVE_INFINITY;
        for (const stroke of strokes) nearest = Math.min(nearest, distanceToSegment(gx, gy, stroke) * cell);
        // Coverage of the pixel by the stroke: full within its half-width, fading over one pixel at the edge.
        blend(bitmap, x, y, colours.text, Math.max(0, Math.min(1, half + 0.5 - nearest)));
      }
    }
  }
  if (model.stale) {
    // A white corner square at the bottom right: the number is the last one known, not a live one.
    const mark = Math.max(2, Math.round(3 * unit));
    for (let y = size - mark; y < size; y++) {
      for (let x = size - mark; x < size; x++) blend(bitmap, x, y, STALE_MARK, 1);
    }
  }
  return bitmap;
}

/**
 * A gauge, in units of a 16 px icon: an arc over the top with its needle leaning towards the low end. Credit
 * running down, at a glance; not the signal bars an earlier icon was taken for.
 */
function insideGauge(x: number, y: number): boolean {
  const dx = x - 8;
  const dy = y - 10.5;
  const r = Math.hypot(dx, dy);
  // The arc: 2 wide, from a little below the left to a little below the right, over the top.
  const angle = Math.atan2(-dy, dx);
  if (r >= 5.2 && r <= 7.4 && (angle >= -0.35 || angle <= -Math.PI + 0.35)) return true;
  // The hub, and the needle pointing up and to the left, towards empty.
  if (r <= 1.8) return true;
  const [nx, ny] = [Math.cos((3 * Math.PI) / 4), -Math.sin((3 * Math.PI) / 4)];
  const along = dx * nx + dy * ny;
  return along >= 0 && along <= 5.2 && Math.abs(dx * ny - dy * nx) <= 0.8;
}

function drawGauge(bitmap: Bitmap, size: number, colour: Rgb, inset: number): void {
  const unit = (size - 2 * inset) / 16;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (
            insideGauge((x + (sx + 0.5) / SAMPLES - inset) / unit, (y + (sy + 0.5) / SAMPLES - inset) / unit)
          )
            hits++;
      blend(bitmap, x, y, colour, hits / (SAMPLES * SAMPLES));
    }
  }
}

/** The app icon (installers, About box): a white gauge on a rounded blue square. */
export function rasterAppIcon(size: number): Bitmap {
  const bitmap: Bitmap = { width: size, height: size, rgba: new Uint8Array(size * size * 4) };
  const unit = size / 16;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (insideShape('rounded', (x + (sx + 0.5) / SAMPLES) / unit, (y + (sy + 0.5) / SAMPLES) / unit))
            hits++;
      blend(bitmap, x, y, [31, 111, 235], hits / (SAMPLES * SAMPLES));
    }
  }
  drawGauge(bitmap, size, [255, 255, 255], Math.round(size * 0.14));
  return bitmap;
}

/** macOS menu-bar template: the gauge in black on transparent, so the system tints it for its bar. */
export function rasterTemplate(size: number): Bitmap {
  const bitmap: Bitmap = { width: size, height: size, rgba: new Uint8Array(size * size * 4) };
  drawGauge(bitmap, size, [0, 0, 0], 0);
  return bitmap;
}

import type { BadgeModel, BadgeTone } from '../present/badge-model';

/** An RGBA bitmap, row by row, 4 bytes a pixel. */
export interface Bitmap {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Tray sizes: 1x, 2x and 4x of a 16 px icon. */
export const BADGE_SIZES = [16, 32, 64] as const;

// A 3×5 pixel font (1 px wide for the dot), enough for every badge text. Each row is a bit string.
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
  error: { background: [87, 96, 106], text: [255, 255, 255] },
  idle: { background: [87, 96, 106], text: [255, 255, 255] },
};
const STALE_MARK: Rgb = [255, 255, 255];

function textWidth(text: string): number {
  const glyphs = [...text].map((c) => (GLYPHS[c] ?? (GLYPHS['?'] as string[]))[0]?.length ?? 3);
  return glyphs.reduce((sum, w) => sum + w, 0) + Math.max(0, glyphs.length - 1);
}

/** Drops decimals until the text fits at the smallest size ("1.8k" stays, "12.5" becomes "12"). */
export function fitText(text: string, maxWidth: number): string {
  let fitted = text;
  while (textWidth(fitted) > maxWidth && fitted.includes('.')) fitted = fitted.replace(/\.\d/, '');
  return textWidth(fitted) > maxWidth ? '?' : fitted;
}

function put(bitmap: Bitmap, x: number, y: number, [r, g, b]: Rgb, alpha = 255): void {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return;
  const i = (y * bitmap.width + x) * 4;
  bitmap.rgba[i] = r;
  bitmap.rgba[i + 1] = g;
  bitmap.rgba[i + 2] = b;
  bitmap.rgba[i + 3] = alpha;
}

function insideRounded(x: number, y: number, size: number, radius: number): boolean {
  const cx = x < radius ? radius - 0.5 : x >= size - radius ? size - radius - 0.5 : x;
  const cy = y < radius ? radius - 0.5 : y >= size - radius ? size - radius - 0.5 : y;
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/**
 * Draws the badge (Windows and Linux show the number inside the icon): a rounded square in the tone's colour,
 * the text as large as it fits with whole-pixel scaling, and a corner mark when the number is stale.
 */
export function rasterBadge(model: Pick<BadgeModel, 'text' | 'tone' | 'stale'>, size: number): Bitmap {
  const bitmap: Bitmap = { width: size, height: size, rgba: new Uint8Array(size * size * 4) };
  const colours = TONE_COLOURS[model.tone];
  const unit = size / 16;
  const radius = Math.round(3 * unit);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++)
      if (insideRounded(x, y, size, radius)) put(bitmap, x, y, colours.background);
  }
  const text = fitText(model.text, 14);
  if (text) {
    const width = textWidth(text);
    const scale = Math.max(
      1,
      Math.floor(Math.min((size - 2 * unit) / width, (size - 2 * unit) / GLYPH_HEIGHT)),
    );
    let x = Math.floor((size - width * scale) / 2);
    const top = Math.floor((size - GLYPH_HEIGHT * scale) / 2);
    for (const char of text) {
      const rows = GLYPHS[char] ?? (GLYPHS['?'] as string[]);
      rows.forEach((row, gy) => {
        [...row].forEach((bit, gx) => {
          if (bit !== '1') return;
          for (let dy = 0; dy < scale; dy++) {
            for (let dx = 0; dx < scale; dx++)
              put(bitmap, x + gx * scale + dx, top + gy * scale + dy, colours.text);
          }
        });
      });
      x += ((rows[0]?.length ?? 3) + 1) * scale;
    }
  }
  if (model.stale) {
    // A hollow corner notch: the number is the last one known, not a live one.
    const mark = Math.max(2, Math.round(3 * unit));
    for (let y = 0; y < mark; y++) {
      for (let x = size - mark; x < size; x++) put(bitmap, x, y, STALE_MARK);
    }
  }
  return bitmap;
}

const BARS: readonly [number, number][] = [
  [2, 9],
  [7, 6],
  [12, 3],
];

function drawBars(bitmap: Bitmap, size: number, colour: Rgb, inset: number): void {
  const unit = (size - 2 * inset) / 16;
  for (const [left, top] of BARS) {
    for (let y = Math.round(inset + top * unit); y < Math.round(inset + 14 * unit); y++) {
      for (let x = Math.round(inset + left * unit); x < Math.round(inset + (left + 3) * unit); x++)
        put(bitmap, x, y, colour);
    }
  }
}

/** The app icon (installers, About box): white credit bars on a rounded blue square. */
export function rasterAppIcon(size: number): Bitmap {
  const bitmap: Bitmap = { width: size, height: size, rgba: new Uint8Array(size * size * 4) };
  const radius = Math.round(size * 0.22);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (insideRounded(x, y, size, radius)) put(bitmap, x, y, [31, 111, 235]);
  }
  drawBars(bitmap, size, [255, 255, 255], Math.round(size * 0.12));
  return bitmap;
}

/** macOS menu-bar template: black bars on transparent, so the system tints it for light and dark bars. */
export function rasterTemplate(size: number): Bitmap {
  const bitmap: Bitmap = { width: size, height: size, rgba: new Uint8Array(size * size * 4) };
  drawBars(bitmap, size, [0, 0, 0], 0);
  return bitmap;
}

/** Where the popover goes: next to the tray icon, on the tray's display, inside that display's work area. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  bounds: Rect;
  workArea: Rect;
}

const GAP = 4;

/** The popover's height range: short enough for one account without an empty area, tall enough for a chart. */
export const POPOVER_HEIGHT = { min: 160, max: 640 } as const;

/**
 * The window height for a page whose content is `content` px tall: all of it, within the range and inside the
 * work area (a small screen or a tall taskbar); past that the page scrolls.
 */
export function fittedHeight(content: number, workArea: Rect | null): number {
  const room = workArea ? workArea.height - 2 * GAP : POPOVER_HEIGHT.max;
  const max = Math.max(POPOVER_HEIGHT.min, Math.min(POPOVER_HEIGHT.max, room));
  return clamp(Math.ceil(content), POPOVER_HEIGHT.min, max);
}

function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}

/** The display holding the tray icon's centre (or the nearest one when it is between displays). */
export function displayForTray(tray: Rect, displays: readonly DisplayArea[]): DisplayArea | null {
  const cx = tray.x + tray.width / 2;
  const cy = tray.y + tray.height / 2;
  const holding = displays.find((d) => contains(d.bounds, cx, cy));
  if (holding) return holding;
  const distance = (d: DisplayArea) =>
    Math.hypot(
      Math.max(d.bounds.x - cx, 0, cx - (d.bounds.x + d.bounds.width)),
      Math.max(d.bounds.y - cy, 0, cy - (d.bounds.y + d.bounds.height)),
    );
  return [...displays].sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

type Edge = 'top' | 'bottom' | 'left' | 'right';

/** The display edge nearest a point: where an auto-hidden bar that holds the tray icon must be. */
function nearestEdge(bounds: Rect, x: number, y: number): Edge {
  const distances: [Edge, number][] = [
    ['top', y - bounds.y],
    ['bottom', bounds.y + bounds.height - y],
    ['left', x - bounds.x],
    ['right', bounds.x + bounds.width - x],
  ];
  return distances.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

/**
 * Which edge the taskbar (or menu bar) is on: the side where the work area is smaller than the screen. When the
 * work area is the whole screen (an auto-hidden menu bar or taskbar), the edge nearest the tray icon, since the
 * bar holding it is there; with no icon position either, the bottom (Windows' and most Linux panels' default).
 */
export function taskbarEdge(display: DisplayArea, tray: Rect | null = null): Edge {
  const { bounds: b, workArea: w } = display;
  if (w.y > b.y) return 'top';
  if (w.x > b.x) return 'left';
  if (w.x + w.width < b.x + b.width) return 'right';
  if (w.y + w.height < b.y + b.height) return 'bottom';
  if (tray && tray.width > 0) return nearestEdge(b, tray.x + tray.width / 2, tray.y + tray.height / 2);
  return 'bottom';
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/**
 * Top-left corner for a window of `size` anchored to the tray icon: below it for a top bar, above it for a bottom
 * taskbar, beside it for a side taskbar; always kept inside the work area. With no tray bounds (some Linux
 * desktops report none), it goes to the work area's corner nearest the taskbar.
 */
export function popoverPosition(
  tray: Rect | null,
  size: { width: number; height: number },
  /** The primary display first: with no tray bounds the popover goes to its corner. */
  displays: readonly DisplayArea[],
): { x: number; y: number } {
  const fallbackDisplay = displays[0];
  if (!fallbackDisplay) return { x: 0, y: 0 };
  const display = (tray && tray.width > 0 ? displayForTray(tray, displays) : null) ?? fallbackDisplay;
  const w = display.workArea;
  const edge = taskbarEdge(display, tray);
  const maxX = w.x + w.width - size.width;
  const maxY = w.y + w.height - size.height;
  if (!tray || tray.width === 0) {
    return { x: edge === 'left' ? w.x + GAP : maxX - GAP, y: edge === 'top' ? w.y + GAP : maxY - GAP };
  }
  const centreX = Math.round(tray.x + tray.width / 2 - size.width / 2);
  const centreY = Math.round(tray.y + tray.height / 2 - size.height / 2);
  switch (edge) {
    case 'top':
      return { x: clamp(centreX, w.x, maxX), y: w.y + GAP };
    case 'bottom':
      return { x: clamp(centreX, w.x, maxX), y: maxY - GAP };
    case 'left':
      return { x: w.x + GAP, y: clamp(centreY, w.y, maxY) };
    case 'right':
      return { x: maxX - GAP, y: clamp(centreY, w.y, maxY) };
  }
}

/**
 * Where the popover goes and how tall it is: fitted to the page's content once the page has said how tall that
 * is (until then the window keeps its size), and anchored to the tray at that height, so a popover above a
 * bottom taskbar grows upwards.
 */
export function popoverPlacement(
  tray: Rect | null,
  contentHeight: number | null,
  current: { width: number; height: number },
  displays: readonly DisplayArea[],
): { x: number; y: number; width: number; height: number } {
  const display = (tray && tray.width > 0 ? displayForTray(tray, displays) : null) ?? displays[0] ?? null;
  const height =
    contentHeight === null ? current.height : fittedHeight(contentHeight, display?.workArea ?? null);
  const size = { width: current.width, height };
  return { ...popoverPosition(tray, size, displays), ...size };
}

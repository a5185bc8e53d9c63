/**
 * How the tray icon answers clicks on each OS, as data the shell applies.
 *
 * - macOS and Windows: a left click toggles the popover and the menu comes on right click. The menu is popped
 *   by hand: a menu attached with `setContextMenu` opens on a left click too on macOS, on top of the popover.
 * - Linux: the icon is a StatusNotifierItem; Electron emits `click` when the desktop activates it, which the
 *   spec leaves to each desktop (Electron's tray docs, "Platform Considerations"): KDE Plasma on a left click,
 *   GNOME's AppIndicator extension on a double click, after its single click opened the attached menu. So the
 *   menu stays attached and carries every action (Open, Hide, ...), and an activation toggles the popover.
 */
export interface TrayBehaviour {
  attachMenu: boolean;
  leftClickToggles: boolean;
  rightClickPopsMenu: boolean;
}

export function trayBehaviour(platform: NodeJS.Platform): TrayBehaviour {
  if (platform === 'linux') return { attachMenu: true, leftClickToggles: true, rightClickPopsMenu: false };
  return { attachMenu: false, leftClickToggles: true, rightClickPopsMenu: true };
}

/**
 * On Windows a click on the tray icon takes focus from the popover first: `blur` hides it, then `click` would
 * show it again (a flicker, and the popover never closes by its icon). A toggle this soon after a blur-hide is
 * that same click.
 */
export const BLUR_CLICK_WINDOW_MS = 400;

export type ToggleAction = 'show' | 'hide' | 'ignore';

export function toggleAction(visible: boolean, lastBlurHideAt: number | null, now: number): ToggleAction {
  if (visible) return 'hide';
  if (lastBlurHideAt !== null && now - lastBlurHideAt >= 0 && now - lastBlurHideAt < BLUR_CLICK_WINDOW_MS) {
    return 'ignore';
  }
  return 'show';
}

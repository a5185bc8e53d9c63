/**
 * Whether the app asks Chromium for X11 on Linux: under Wayland (Electron's default since 38) a window cannot
 * place itself, stay on top or take the focus, and blur never fires, so the popover could not sit by the tray
 * or be closed by clicking elsewhere. XWayland gives it all of that back. `CREDITBAR_WAYLAND=1` keeps Wayland for
 * a person who prefers it (the popover then opens where the compositor puts it; Escape and the menu close it).
 * The switch must be set before the app is ready (`--ozone-platform`, Electron's command-line switches).
 */
export function ozonePlatform(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): 'x11' | null {
  if (platform !== 'linux' || env.CREDITBAR_WAYLAND === '1') return null;
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  return wayland ? 'x11' : null;
}

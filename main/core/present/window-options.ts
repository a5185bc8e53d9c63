/**
 * The popover's BrowserWindow options, as data. Kept out of the shell so a test can hold them to Electron's
 * security checklist; the shell passes them to `new BrowserWindow` unchanged (type-checked there).
 */
export const POPOVER_SIZE = { width: 380, height: 560 } as const;

/** The page's own background in each theme (styles.css's --bg): what the window shows before the page paints. */
export const POPOVER_BACKGROUND = { light: '#ffffff', dark: '#0d1117' } as const;

/**
 * The theme the popover is drawn in: the one chosen in Settings, else the system's. The window's background
 * follows it, so a re-created popover does not flash white before a dark page paints (Electron's
 * BrowserWindow `backgroundColor` docs).
 */
export function popoverTheme(
  chosen: 'system' | 'light' | 'dark' | undefined,
  systemDark: boolean,
): 'light' | 'dark' {
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark ? 'dark' : 'light';
}

export function popoverWindowOptions(
  preloadPath: string,
  devTools: boolean,
  theme: 'light' | 'dark' = 'light',
  platform: NodeJS.Platform = process.platform,
) {
  return {
    ...POPOVER_SIZE,
    // Linux: skipTaskbar is macOS and Windows only (BrowserWindow docs); a utility window (EWMH's
    // _NET_WM_WINDOW_TYPE_UTILITY) is one GNOME and KDE keep out of the taskbar and Alt-Tab, as a palette.
    ...(platform === 'linux' ? { type: 'utility' as const } : {}),
    show: false,
    backgroundColor: POPOVER_BACKGROUND[theme],
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    transparent: false,
    // No `type: 'panel'` on macOS: Electron's panels raise no focus events, so the popover would never get blur
    // (to hide) or keyboard input (Escape). LSUIElement and dock.hide() already keep it out of the Dock.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Only in development (`npm run dev`); a packaged app has none.
      devTools,
    },
  };
}

/** The strict Content-Security-Policy the renderer's index.html carries (and the shell sets as a header). */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Under `npm run dev` only: Vite's dev server injects an inline React-refresh preamble and inline styles, and
 * talks to the page over a WebSocket for hot reload. Nothing else is relaxed, and a packaged app never gets it.
 */
export const DEV_RENDERER_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws://localhost:* ws://127.0.0.1:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server's page, when the app is run unpackaged by electron-vite (`ELECTRON_RENDERER_URL`), and only a
 * loopback http(s) one: a packaged app loads its own files whatever the environment says.
 */
export function devRendererUrl(isPackaged: boolean, envUrl: string | undefined): string | null {
  if (isPackaged || !envUrl) return null;
  try {
    const url = new URL(envUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
      ? url.href
      : null;
  } catch {
    return null;
  }
}

export function rendererCsp(devUrl: string | null): string {
  return devUrl ? DEV_RENDERER_CSP : RENDERER_CSP;
}

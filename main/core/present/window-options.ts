/**
 * The popover's BrowserWindow options, as data. Kept out of the shell so a test can hold them to Electron's
 * security checklist; the shell passes them to `new BrowserWindow` unchanged (type-checked there).
 */
export const POPOVER_SIZE = { width: 380, height: 560 } as const;

export function popoverWindowOptions(preloadPath: string, platform: NodeJS.Platform, devTools: boolean) {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    transparent: false,
    // A dock or taskbar entry for a popover would be noise; macOS also hides the dock icon app-wide (LSUIElement).
    ...(platform === 'darwin' ? { type: 'panel' as const } : {}),
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

import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

// Composition root. The tray, popover and monitor wiring arrive with the desktop-shell issue (#4); until then the
// app opens one hardened window so `npm start` shows something real.
function createWindow(): void {
  const window = new BrowserWindow({
    width: 380,
    height: 520,
    show: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  void window.loadFile(join(__dirname, '../renderer/index.html'));
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.whenReady().then(createWindow, () => app.quit());
  app.on('window-all-closed', () => app.quit());
}

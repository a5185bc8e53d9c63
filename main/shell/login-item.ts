import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import { autostartDesktopEntry } from '../core/present/autostart';

const AUTOSTART = path.join(
  process.env.XDG_CONFIG_HOME || path.join(homedir(), '.config'),
  'autostart',
  'creditbar.desktop',
);

/** Launch at login: Electron's API on macOS and Windows, an XDG autostart file on Linux. */
export async function getLaunchAtLogin(): Promise<boolean> {
  if (process.platform !== 'linux') return app.getLoginItemSettings().openAtLogin;
  return stat(AUTOSTART).then(
    () => true,
    () => false,
  );
}

export async function setLaunchAtLogin(enabled: boolean): Promise<void> {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
    return;
  }
  if (!enabled) {
    await rm(AUTOSTART, { force: true });
    return;
  }
  await mkdir(path.dirname(AUTOSTART), { recursive: true });
  await writeFile(AUTOSTART, autostartDesktopEntry(process.env.APPIMAGE ?? process.execPath), {
    mode: 0o644,
  });
}

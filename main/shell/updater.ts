import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { app } from 'electron';
import { asUpdaterError } from '../core/updates/update-failure';
import type { UpdaterEvent, UpdaterPort } from '../core/updates/updater-port';

/**
 * electron-updater as the core's updater: made only for a self-updating install (install-source.ts decides). It
 * downloads what it finds in the background and installs it when the app quits (electron.build/auto-update); a
 * download whose sha512 differs from the release's latest*.yml fails with ERR_CHECKSUM_MISMATCH and is deleted,
 * never installed.
 */
export async function electronUpdater(releaseLock: () => void): Promise<UpdaterPort> {
  // Loaded only here: an install that does not update itself never loads the updater at all.
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  // Never back to an older version, even one a release marks latest by mistake.
  autoUpdater.allowDowngrade = false;
  // Its log carries URLs and file paths; what a person needs is in the state the core keeps.
  autoUpdater.logger = null;
  let downloaded: { file: string; sha512s: Set<string> } | null = null;
  autoUpdater.on('update-downloaded', (event) => {
    downloaded = { file: event.downloadedFile, sha512s: new Set(event.files.map((f) => f.sha512)) };
  });
  return {
    downloadIntact: async () => {
      const current = downloaded;
      if (!current) return false;
      // Streamed: an installer is 100 MB and more, and this runs as the app quits.
      const hash = createHash('sha512');
      try {
        await pipeline(createReadStream(current.file), hash);
      } catch {
        return false;
      }
      return current.sha512s.has(hash.digest('base64'));
    },
    check: async () => {
      const result = await autoUpdater.checkForUpdates();
      // A failed background download is reported by the 'error' event; its promise must not go unhandled.
      result?.downloadPromise?.catch(() => undefined);
    },
    installNow: () => {
      // The new version starts while this one ends: it must not find the single-instance lock taken.
      releaseLock();
      let failed = false;
      const onError = () => {
        failed = true;
      };
      autoUpdater.once('error', onError);
      // Silent (the NSIS installer shows no wizard for an update) and started again afterwards.
      autoUpdater.quitAndInstall(true, true);
      autoUpdater.off('error', onError);
      // The install failed before quitting (electron-updater reports it and stays): the core has already stopped,
      // so this version starts again rather than sit idle. An AppImage is started by its file (app.relaunch docs).
      if (failed) {
        const appImage = process.env.APPIMAGE;
        app.relaunch(appImage && existsSync(appImage) ? { execPath: appImage } : undefined);
        app.quit();
      }
    },
    installOnQuit: (enabled) => {
      autoUpdater.autoInstallOnAppQuit = enabled;
    },
    subscribe: (listener: (event: UpdaterEvent) => void) => {
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) =>
        listener({ type: 'progress', percent: Number.isFinite(progress.percent) ? progress.percent : null }),
      );
      autoUpdater.on('update-downloaded', (event) =>
        listener({ type: 'downloaded', version: event.version }),
      );
      autoUpdater.on('error', (error) => listener({ type: 'error', error: asUpdaterError(error) }));
    },
  };
}

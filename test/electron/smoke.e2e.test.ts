/**
 * The built desktop app in real Electron, end to end: started with a throwaway data dir and keychain service, its
 * popover shows, the demo account is added and its balance appears, and the app quits cleanly.
 *
 * It runs wherever Electron's binary is present (`npx install-electron` fetched it, or ELECTRON_OVERRIDE_DIST_PATH
 * names one): on the CI runners for macOS, Windows and Linux (under xvfb-run). Where it is absent it is skipped,
 * and says so: Electron's binary cannot be downloaded on the machines this project is developed on, so everything
 * else about the shell is tested under the stand-in (test/shell).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = path.join(ROOT, 'node_modules', 'electron');

/**
 * Where the Electron binary is, without `require('electron')`: since Electron 42 that starts a download when the
 * binary is missing, which on a closed network only fails after a long wait.
 */
function electronBinary(): string | null {
  const pathFile = path.join(PACKAGE, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(PACKAGE, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary)
  console.warn(
    'Skipped the real-Electron smoke test: no Electron binary here (it cannot be downloaded on this machine).',
  );

describe.skipIf(!binary)('the built app in real Electron', () => {
  it('starts, shows the popover, adds the demo account and shows its balance, then quits', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'creditbar-electron-'));
    const app = await electron.launch({
      executablePath: binary as string,
      args: [path.join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, CREDITBAR_KEYCHAIN_SERVICE: TEST_KEYCHAIN_SERVICE },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: 'Watch your API credit' }).waitFor();
      await page.getByRole('button', { name: 'Try with demo data' }).click();
      const row = page.locator('.account-row').first();
      await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/credits/);
      // The data went where it was told: the throwaway folder, not the person's own.
      expect(existsSync(path.join(userData, 'config.json'))).toBe(true);
    } finally {
      await app.close();
    }
  }, 120_000);
});

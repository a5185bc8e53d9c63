import path from 'node:path';

export const APP_NAME = 'Creditbar';

/**
 * The folder Electron's `app.getPath('userData')` gives a "Creditbar" app, computed without Electron so the CLI and
 * the desktop app share one data dir.
 */
export function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32')
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** Every file and folder Creditbar keeps, named once. */
export interface DataPaths {
  dataDir: string;
  configFile: string;
  cacheDir: string;
  historyDir: string;
  alertStateFile: string;
  /** Which provider, host and user each account's data was written for (see IdentityIndex). */
  identitiesFile: string;
  /** The balances and top-ups stated for ledger accounts (ledger-store.ts): the person's data, not a cache. */
  ledgerFile: string;
  /** Alerts on their way to channels (outbox-store.ts); given-up ones in its failed/. */
  outboxDir: string;
}

/** Flag, then environment, then the OS default: the same order for every command. */
export function resolvePaths(
  flags: { dataDir?: string; config?: string },
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): DataPaths {
  const dataDir = path.resolve(flags.dataDir || env.CREDITBAR_DATA_DIR || appDataDir(platform, env, home));
  const configFile = path.resolve(flags.config || env.CREDITBAR_CONFIG || path.join(dataDir, 'config.json'));
  return {
    dataDir,
    configFile,
    cacheDir: path.join(dataDir, 'cache'),
    historyDir: path.join(dataDir, 'history'),
    alertStateFile: path.join(dataDir, 'alert-state.json'),
    identitiesFile: path.join(dataDir, 'identities.json'),
    ledgerFile: path.join(dataDir, 'ledger.json'),
    outboxDir: path.join(dataDir, 'outbox'),
  };
}

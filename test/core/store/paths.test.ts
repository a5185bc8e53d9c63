import { describe, expect, it } from 'vitest';
import { appDataDir, resolvePaths } from '../../../main/core/store/paths';

describe('data paths', () => {
  it.each([
    ['darwin', {}, '/Users/ann/Library/Application Support/Creditbar'],
    ['linux', {}, '/Users/ann/.config/Creditbar'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Creditbar'],
    ['win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann\\AppData\\Roaming\\Creditbar'],
  ] as const)('%s %j uses the same folder as Electron userData', (platform, env, expected) => {
    expect(appDataDir(platform, env, '/Users/ann')).toBe(expected);
  });

  it('flag beats environment beats default, for the data dir and the config', () => {
    const env = { CREDITBAR_DATA_DIR: '/env/data', CREDITBAR_CONFIG: '/env/config.json' };
    expect(resolvePaths({}, {}, 'linux', '/h')).toEqual({
      dataDir: '/h/.config/Creditbar',
      configFile: '/h/.config/Creditbar/config.json',
      cacheDir: '/h/.config/Creditbar/cache',
      historyDir: '/h/.config/Creditbar/history',
      alertStateFile: '/h/.config/Creditbar/alert-state.json',
      identitiesFile: '/h/.config/Creditbar/identities.json',
      ledgerFile: '/h/.config/Creditbar/ledger.json',
      outboxDir: '/h/.config/Creditbar/outbox',
    });
    expect(resolvePaths({}, env, 'linux', '/h')).toMatchObject({
      dataDir: '/env/data',
      configFile: '/env/config.json',
    });
    expect(resolvePaths({ dataDir: '/flag' }, { CREDITBAR_DATA_DIR: '/env' }, 'linux', '/h')).toMatchObject({
      dataDir: '/flag',
      configFile: '/flag/config.json',
    });
    expect(resolvePaths({ config: '/c.json' }, env, 'linux', '/h').configFile).toBe('/c.json');
  });
});

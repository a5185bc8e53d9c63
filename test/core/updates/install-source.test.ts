import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type InstallFacts,
  installSource,
  readInstallFacts,
} from '../../../main/core/updates/install-source';

const packaged = (over: Partial<InstallFacts>): InstallFacts => ({
  platform: 'linux',
  isPackaged: true,
  execPath: '/opt/Creditbar/creditbar',
  env: {},
  packageType: null,
  packageManagerMark: null,
  homebrewCask: false,
  nsisUninstaller: false,
  ...over,
});

describe('who updates this copy', () => {
  it('a development build never updates itself, whatever else it sees', () => {
    expect(installSource(packaged({ isPackaged: false, env: { APPIMAGE: '/x.AppImage' } }))).toEqual({
      kind: 'unpackaged',
    });
  });

  it('each self-updating format: the app in a .app bundle, an NSIS install, an AppImage', () => {
    expect(
      installSource(
        packaged({ platform: 'darwin', execPath: '/Applications/Creditbar.app/Contents/MacOS/Creditbar' }),
      ),
    ).toEqual({ kind: 'self-updating', format: 'mac' });
    expect(
      installSource(
        packaged({
          platform: 'win32',
          execPath: 'C:\\Users\\ana\\AppData\\Local\\Programs\\Creditbar\\Creditbar.exe',
          nsisUninstaller: true,
        }),
      ),
    ).toEqual({ kind: 'self-updating', format: 'nsis' });
    expect(installSource(packaged({ env: { APPIMAGE: '/home/ana/Apps/Creditbar.AppImage' } }))).toEqual({
      kind: 'self-updating',
      format: 'appimage',
    });
  });

  it('every package manager keeps its own install: Homebrew, winget, Scoop, deb, rpm, the AUR, Snap, Flatpak', () => {
    const mac = '/Applications/Creditbar.app/Contents/MacOS/Creditbar';
    expect(installSource(packaged({ platform: 'darwin', execPath: mac, homebrewCask: true }))).toEqual({
      kind: 'package-manager',
      manager: 'homebrew',
    });
    // winget runs the same NSIS installer, with the switch that leaves the mark.
    expect(
      installSource(packaged({ platform: 'win32', nsisUninstaller: true, packageManagerMark: 'winget\r\n' })),
    ).toEqual({ kind: 'package-manager', manager: 'winget' });
    expect(
      installSource(
        packaged({
          platform: 'win32',
          execPath: 'C:\\Users\\ana\\scoop\\apps\\creditbar\\1.2.0\\Creditbar.exe',
        }),
      ),
    ).toEqual({ kind: 'package-manager', manager: 'scoop' });
    expect(installSource(packaged({ packageType: 'deb\n' }))).toEqual({
      kind: 'package-manager',
      manager: 'deb',
    });
    expect(installSource(packaged({ packageType: 'rpm' }))).toEqual({
      kind: 'package-manager',
      manager: 'rpm',
    });
    // The PKGBUILD unpacks the .deb and marks it as the AUR's: the mark wins over the package type.
    expect(installSource(packaged({ packageType: 'deb', packageManagerMark: 'aur' }))).toEqual({
      kind: 'package-manager',
      manager: 'aur',
    });
    // An AppImage run by a snap or a Flatpak is still theirs.
    expect(installSource(packaged({ env: { SNAP: '/snap/creditbar/3', APPIMAGE: '/x.AppImage' } }))).toEqual({
      kind: 'package-manager',
      manager: 'snap',
    });
    expect(installSource(packaged({ env: { FLATPAK_ID: 'app.creditbar.Creditbar' } }))).toEqual({
      kind: 'package-manager',
      manager: 'flatpak',
    });
  });

  it('a copy that cannot replace itself says so: a zip or folder, or the mounted disk image', () => {
    expect(installSource(packaged({}))).toEqual({ kind: 'manual', why: 'folder' });
    expect(installSource(packaged({ platform: 'win32', execPath: 'D:\\Creditbar\\Creditbar.exe' }))).toEqual({
      kind: 'manual',
      why: 'folder',
    });
    expect(
      installSource(
        packaged({
          platform: 'darwin',
          execPath: '/Volumes/Creditbar 1.2.0/Creditbar.app/Contents/MacOS/Creditbar',
        }),
      ),
    ).toEqual({ kind: 'manual', why: 'diskImage' });
  });

  it('an unknown mark is not trusted as a package manager', () => {
    expect(
      installSource(packaged({ packageManagerMark: 'chocolatey-ish', env: { APPIMAGE: '/a' } })),
    ).toEqual({
      kind: 'self-updating',
      format: 'appimage',
    });
  });
});

describe('reading the facts off the disk', () => {
  it('reads the package type and the mark from resources, and the NSIS uninstaller beside the executable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-install-'));
    const resources = path.join(dir, 'resources');
    mkdirSync(resources);
    writeFileSync(path.join(resources, 'package-type'), 'deb');
    writeFileSync(path.join(resources, 'package-manager'), 'aur');
    writeFileSync(path.join(dir, 'Uninstall Creditbar.exe'), '');
    const facts = readInstallFacts({
      platform: 'linux',
      isPackaged: true,
      execPath: path.join(dir, 'creditbar'),
      resourcesPath: resources,
      env: { APPIMAGE: '/a.AppImage', HOME: '/nope' },
      productName: 'Creditbar',
    });
    expect(facts).toMatchObject({ packageType: 'deb', packageManagerMark: 'aur', nsisUninstaller: false });
    expect(facts.env).toEqual({ APPIMAGE: '/a.AppImage', SNAP: undefined, FLATPAK_ID: undefined });
    const win = readInstallFacts({
      platform: 'win32',
      isPackaged: true,
      execPath: path.join(dir, 'Creditbar.exe'),
      resourcesPath: path.join(dir, 'missing'),
      env: {},
      productName: 'Creditbar',
    });
    expect(win).toMatchObject({ packageType: null, packageManagerMark: null, nsisUninstaller: true });
  });
});

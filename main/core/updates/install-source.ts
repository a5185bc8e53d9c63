import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type InstallSource, PACKAGE_MANAGERS, type PackageManager } from '../../../shared/updates';
import { z } from '../../../shared/zod';

/** What the running copy can see of how it was installed. */
export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** The executable, as the OS started it. */
  execPath: string;
  env: { APPIMAGE?: string | undefined; SNAP?: string | undefined; FLATPAK_ID?: string | undefined };
  /**
   * `resources/package-type`: electron-builder writes it into deb, rpm and pacman packages (and electron-updater
   * reads it to pick its Linux updater).
   */
  packageType: string | null;
  /**
   * `resources/package-manager`: written by the package managers' own recipes (scripts/package-manifests.ts: the
   * PKGBUILD, the Scoop manifest) and by the NSIS installer when winget runs it with `--package-manager=winget`.
   */
  packageManagerMark: string | null;
  /** macOS: Homebrew keeps a cask's record in Caskroom/creditbar while it is installed. */
  homebrewCask: boolean;
  /** Windows: the NSIS installer leaves its uninstaller beside the app; a zip or folder copy has none. */
  nsisUninstaller: boolean;
}

/** A mark read from disk names a package manager only when it is one this app knows (anything else is ignored). */
function managerIn(text: string | null): PackageManager | null {
  const parsed = z.enum(PACKAGE_MANAGERS).safeParse(text?.trim().toLowerCase());
  return parsed.success ? parsed.data : null;
}

/**
 * Who updates this copy. electron-updater replaces only what it installed itself (a dmg/zip app on macOS, an NSIS
 * install, an AppImage); a package manager's install is the package manager's to update, or the two would fight
 * over the files and the version it records.
 */
export function installSource(facts: InstallFacts): InstallSource {
  if (!facts.isPackaged) return { kind: 'unpackaged' };
  const mark = managerIn(facts.packageManagerMark);
  if (mark) return { kind: 'package-manager', manager: mark };
  switch (facts.platform) {
    case 'darwin':
      if (facts.homebrewCask) return { kind: 'package-manager', manager: 'homebrew' };
      // Squirrel cannot replace an app on the read-only disk image it was started from.
      if (facts.execPath.startsWith('/Volumes/')) return { kind: 'manual', why: 'diskImage' };
      return { kind: 'self-updating', format: 'mac' };
    case 'win32':
      if (/[\\/]scoop[\\/]apps[\\/]/i.test(facts.execPath))
        return { kind: 'package-manager', manager: 'scoop' };
      return facts.nsisUninstaller
        ? { kind: 'self-updating', format: 'nsis' }
        : { kind: 'manual', why: 'folder' };
    default: {
      if (facts.env.SNAP) return { kind: 'package-manager', manager: 'snap' };
      if (facts.env.FLATPAK_ID) return { kind: 'package-manager', manager: 'flatpak' };
      const type = managerIn(facts.packageType);
      if (type) return { kind: 'package-manager', manager: type };
      if (facts.env.APPIMAGE) return { kind: 'self-updating', format: 'appimage' };
      return { kind: 'manual', why: 'folder' };
    }
  }
}

function readSmall(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').slice(0, 64);
  } catch {
    return null;
  }
}

/** Reads the facts off the disk (the one effect here); `resourcesPath` is Electron's process.resourcesPath. */
export function readInstallFacts(input: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  execPath: string;
  resourcesPath: string;
  env: NodeJS.ProcessEnv;
  productName: string;
}): InstallFacts {
  const { platform, execPath, resourcesPath, env } = input;
  const win = platform === 'win32';
  return {
    platform,
    isPackaged: input.isPackaged,
    execPath,
    env: { APPIMAGE: env.APPIMAGE, SNAP: env.SNAP, FLATPAK_ID: env.FLATPAK_ID },
    packageType: readSmall(path.join(resourcesPath, 'package-type')),
    packageManagerMark: readSmall(path.join(resourcesPath, 'package-manager')),
    homebrewCask:
      platform === 'darwin' &&
      ['/opt/homebrew/Caskroom/creditbar', '/usr/local/Caskroom/creditbar'].some((dir) => existsSync(dir)),
    nsisUninstaller:
      win && existsSync(path.join(path.dirname(execPath), `Uninstall ${input.productName}.exe`)),
  };
}

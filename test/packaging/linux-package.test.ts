/**
 * electron-builder, run for real on this repo's electron-builder.yml and package.json: a Linux `dir` build and the
 * `deb` target up to the point where it would call fpm.
 *
 * Stood in for: the Electron distribution (`electronDist`). Its binary cannot be fetched here, so the test
 * assembles one whose `electron` carries Electron's fuse sentinel and a fuse wire in Electron's default state, so
 * @electron/fuses really flips it. Not covered: fpm itself (electron-builder downloads it), AppImage, dmg, nsis,
 * code signing and notarisation, and rebuilding keytar against Electron's headers (npmRebuild is off: the headers
 * cannot be downloaded either).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { installSource, readInstallFacts } from '../../main/core/updates/install-source';

const ROOT = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'creditbar-package-'));
const standIn = path.join(work, 'electron-dist');
const output = path.join(work, 'dist');
const unpacked = path.join(output, 'linux-unpacked');

/** Electron's own fuse sentinel, then wire version 1 with 8 fuses as Electron ships them. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';
/** A fuse's state is the ASCII digit: '0' off, '1' on. */
const OFF = '0'.charCodeAt(0);
const ON = '1'.charCodeAt(0);

function assembleElectronDist(): void {
  mkdirSync(path.join(standIn, 'resources'), { recursive: true });
  mkdirSync(path.join(standIn, 'locales'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\n# A stand-in for the Electron binary, for packaging tests only.\nexit 0\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(standIn, 'electron'), binary);
  chmodSync(path.join(standIn, 'electron'), 0o755);
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'));
  writeFileSync(path.join(standIn, 'version'), version);
  writeFileSync(path.join(standIn, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(standIn, 'LICENSES.chromium.html'), 'stand-in');
}

let fpmArgs: string[] = [];
let desktopEntry = '';

beforeAll(async () => {
  assembleElectronDist();
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
    config: { electronDist: standIn, npmRebuild: false, directories: { output } },
    // Built, never published: the release workflow publishes once every OS is built.
    publish: 'never',
    // electron-builder's own hook, called with fpm's arguments once every check has passed: stop there.
    effectiveOptionComputed: async (options: unknown) => {
      const [args, desktopFile] = options as [string[], string];
      fpmArgs = args;
      desktopEntry = readFileSync(desktopFile, 'utf8');
      return true;
    },
  });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const argAfter = (flag: string) => fpmArgs[fpmArgs.indexOf(flag) + 1];

describe('the Linux package', () => {
  it('app.asar holds the built app and package.json, and no sources, maps, tests or renderer libraries', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    );
    expect(files).toContain('/package.json');
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/main/cli.js');
    expect(files).toContain('/out/preload/index.js');
    expect(files).toContain('/out/renderer/index.html');
    const offenders = files.filter(
      (f) =>
        (/\.(ts|tsx|map)$/.test(f) && !f.startsWith('/node_modules/')) ||
        /^\/(main|renderer|shared|test|bench|assets)\//.test(f) ||
        /\/node_modules\/(react|react-dom|uplot|electron|vite|vitest|typescript)\//.test(f),
    );
    expect(offenders).toEqual([]);
    // Bundled into the renderer, so not shipped again as modules.
    expect(files.some((f) => f.startsWith('/node_modules/react/'))).toBe(false);
  });

  it('keytar, a native module, is unpacked beside the asar so it can be loaded', () => {
    expect(
      existsSync(
        path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'package.json'),
      ),
    ).toBe(true);
    expect(
      existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build')),
    ).toBe(true);
  });

  it('the release configuration: static AppImage runtime, hardened runtime, signing only from the environment', async () => {
    // electron-builder's own loader, as `npm run package` reads the file.
    const config = await getConfig(ROOT, null, null);
    expect(config.toolsets?.appimage).toBe('1.0.3');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
    const entitlements = readFileSync(path.join(ROOT, config.mac?.entitlements ?? 'missing'), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    // No certificate or identity in the file: CSC_LINK, WIN_CSC_LINK and APPLE_API_KEY switch signing on.
    expect(config.mac?.identity).toBeUndefined();
    expect(JSON.stringify(config)).not.toMatch(/\.p12|\.pfx|\.p8/);
    expect(config.electronFuses?.enableCookieEncryption).toBeUndefined();
  });

  it('the fuses are flipped in the binary', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'creditbar'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    // Left as Electron ships it (off): it needs a signed build on macOS, and the app keeps no cookies.
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(OFF);
  });

  it('the deb passes electron-builder’s metadata checks: homepage, maintainer, licence, dependencies', () => {
    expect(argAfter('--name')).toBe('creditbar');
    expect(argAfter('--url')).toMatch(/^https:\/\//);
    expect(argAfter('--maintainer')).toBeTruthy();
    expect(argAfter('--license')).toBe('MIT');
    // The name scripts/package-manifests.ts looks for in SHA256SUMS.txt for the AUR package.
    expect(path.basename(argAfter('--package') ?? '')).toBe(
      `Creditbar-${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}-amd64.deb`,
    );
    expect(argAfter('--version')).toBe(
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    );
    // Named for desktopName, the id Electron reports under Wayland and the portals resolve (global shortcuts).
    expect(fpmArgs.some((a) => a.endsWith('=/usr/share/applications/app.creditbar.Creditbar.desktop'))).toBe(
      true,
    );
    expect(desktopEntry).toMatch(/^Exec=.*creditbar/m);
    expect(desktopEntry).toMatch(/^Name=Creditbar$/m);
    expect(desktopEntry).toMatch(/^StartupWMClass=app\.creditbar\.Creditbar$/m);
  });

  it('the deb tells the app it is a package manager’s: package-type and app-update.yml beside app.asar', () => {
    const resources = path.join(unpacked, 'resources');
    const appUpdate = parseYaml(readFileSync(path.join(resources, 'app-update.yml'), 'utf8'));
    expect(appUpdate).toMatchObject({ provider: 'github', owner: 'creditbar', repo: 'creditbar' });
    expect(appUpdate.updaterCacheDirName).toBe('creditbar-updater');
    // What the app itself concludes from the files electron-builder wrote: apt updates it, not the app.
    const source = installSource(
      readInstallFacts({
        platform: 'linux',
        isPackaged: true,
        execPath: path.join(unpacked, 'creditbar'),
        resourcesPath: resources,
        env: {},
        productName: 'Creditbar',
      }),
    );
    expect(source).toEqual({ kind: 'package-manager', manager: 'deb' });
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(files.some((f) => f.replaceAll('\\', '/') === '/node_modules/electron-updater/package.json')).toBe(
      true,
    );
  });

  it('macOS builds re-sign ad hoc after the fuses (an invalid signature is killed on Apple Silicon)', () => {
    const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/electronFuses:[\s\S]*resetAdHocDarwinSignature: true/);
  });
});

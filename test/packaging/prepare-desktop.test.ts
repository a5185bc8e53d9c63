/**
 * The first step of `npm start` / `npm run dev`: fetch Electron's binary when it is missing, with electron's own
 * installer, from a mirror. The mirror here is a loopback server holding a small zip in Electron's release
 * layout (the real binary cannot be fetched here), checked against the SHASUMS256.txt it serves, as
 * `electron_use_remote_checksums` asks; the installer, its download and its unzip are the real ones.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktopNodeProblem,
  electronBinaryPresent,
  prepareDesktop,
  sandboxProblem,
} from '../../scripts/prepare-desktop';

const ROOT = path.resolve(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'));
const work = mkdtempSync(path.join(tmpdir(), 'creditbar-electron-'));
const project = path.join(work, 'project');
const electronDir = path.join(project, 'node_modules', 'electron');
/** A kernel that lets Chromium's sandbox make its namespaces: the machine's own may not (Ubuntu 24.04+). */
const OPEN_NAMESPACES = {
  apparmor: path.join(work, 'no-such-switch'),
  debian: path.join(work, 'no-such-switch'),
};
const requests: string[] = [];
let server: Server;
let mirror = '';

/** A fresh checkout's node_modules/electron: the package as npm installs it, no binary. */
function freshElectronPackage(): void {
  rmSync(electronDir, { recursive: true, force: true });
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json']) {
    cpSync(path.join(ROOT, 'node_modules', 'electron', file), path.join(electronDir, file));
  }
}

beforeAll(async () => {
  writeFileSync(path.join(work, 'electron'), '#!/bin/sh\necho stand-in electron\n', { mode: 0o755 });
  writeFileSync(path.join(work, 'version'), version);
  const zipName = `electron-v${version}-linux-x64.zip`;
  const zipPath = path.join(work, zipName);
  execFileSync('python3', [
    '-c',
    'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n  z.write(sys.argv[2], "electron")\n  z.write(sys.argv[3], "version")',
    zipPath,
    path.join(work, 'electron'),
    path.join(work, 'version'),
  ]);
  const zip = readFileSync(zipPath);
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === `/v${version}/${zipName}`) res.writeHead(200).end(zip);
    else if (req.url === `/v${version}/SHASUMS256.txt`) res.writeHead(200).end(sums);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  mkdirSync(path.join(project, 'node_modules', '@electron'), { recursive: true });
  mkdirSync(path.join(project, 'node_modules', '@electron-internal'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{"name":"fresh-clone","private":true}');
  // electron's installer needs its own two dependencies; they resolve the rest from the real tree.
  symlinkSync(
    path.join(ROOT, 'node_modules/@electron/get'),
    path.join(project, 'node_modules/@electron/get'),
  );
  symlinkSync(
    path.join(ROOT, 'node_modules/@electron-internal/extract-zip'),
    path.join(project, 'node_modules/@electron-internal/extract-zip'),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Runs with the installer's environment: the mirror, its checksums, and a private download cache. */
async function withMirror<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

const mirrorEnv = () => ({
  ELECTRON_MIRROR: mirror,
  electron_use_remote_checksums: '1',
  electron_config_cache: path.join(work, 'cache'),
});

describe('fetching Electron for the desktop commands', () => {
  it('a fresh clone has no binary; the first start fetches it, the second asks nothing', async () => {
    freshElectronPackage();
    expect(electronBinaryPresent(electronDir)).toBe(false);
    expect(
      await withMirror(mirrorEnv(), () => prepareDesktop('run', project, 'v22.12.0', OPEN_NAMESPACES)),
    ).toBe(0);
    expect(electronBinaryPresent(electronDir)).toBe(true);
    expect(readFileSync(path.join(electronDir, 'path.txt'), 'utf8')).toBe('electron');
    expect(requests.filter((r) => r.endsWith('.zip'))).toHaveLength(1);
    // What electron-vite reads to launch it.
    expect(existsSync(path.join(electronDir, 'dist', 'electron'))).toBe(true);
    const before = requests.length;
    expect(
      await withMirror(mirrorEnv(), () => prepareDesktop('run', project, 'v24.1.0', OPEN_NAMESPACES)),
    ).toBe(0);
    expect(requests).toHaveLength(before);
  });

  it('an unreachable mirror: a clear message and a failing exit, nothing half-installed', async () => {
    freshElectronPackage();
    const env = {
      ...mirrorEnv(),
      ELECTRON_MIRROR: `${mirror}missing/`,
      electron_config_cache: path.join(work, 'empty-cache'),
    };
    expect(await withMirror(env, () => prepareDesktop('run', project, 'v22.12.0'))).not.toBe(0);
    expect(electronBinaryPresent(electronDir)).toBe(false);
  });

  it('packaging needs no binary here: electron-builder fetches its own', async () => {
    freshElectronPackage();
    const before = requests.length;
    expect(await prepareDesktop('package', project, 'v22.12.0')).toBe(0);
    expect(requests).toHaveLength(before);
  });

  it.each([
    ['v20.19.0', false],
    ['v22.11.9', false],
    ['v22.12.0', true],
    ['v23.0.0', true],
    ['v24.1.0', true],
  ])('Node %s can run the desktop tools: %s', (nodeVersion, ok) => {
    const problem = desktopNodeProblem(nodeVersion);
    expect(problem === null).toBe(ok);
    if (problem) expect(problem).toMatch(/need Node\.js 22\.12 or newer; this is v2.*install Node 22/);
  });

  it('on an older Node, the desktop commands stop before doing anything', async () => {
    freshElectronPackage();
    const before = requests.length;
    expect(await withMirror(mirrorEnv(), () => prepareDesktop('run', project, 'v20.19.0'))).toBe(1);
    expect(requests).toHaveLength(before);
  });

  it('npm start, npm run dev and npm run package run it first', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(scripts.start).toBe('tsx scripts/prepare-desktop.ts && electron-vite preview');
    expect(scripts.dev).toBe('tsx scripts/prepare-desktop.ts && electron-vite dev');
    expect(scripts.package).toMatch(/^tsx scripts\/prepare-desktop\.ts package && /);
  });
});

describe('Chromium’s sandbox on Linux (electron#42510)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-sandbox-'));
  const switchFile = (name: string, value: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${value}\n`);
    return file;
  };
  const helperDir = path.join(dir, 'electron');
  const helper = path.join(helperDir, 'dist', 'chrome-sandbox');
  mkdirSync(path.dirname(helper), { recursive: true });
  writeFileSync(helper, '');

  it('with user namespaces restricted (Ubuntu 24.04+) and the helper not setuid: the exact fix, before Electron aborts', () => {
    chmodSync(helper, 0o755);
    const restricted = { apparmor: switchFile('apparmor', '1'), debian: path.join(dir, 'none') };
    const problem = sandboxProblem('linux', helperDir, restricted) ?? '';
    expect(problem).toContain(`sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`);
    expect(problem).toContain('--noSandbox');
    // Debian's own switch says the same.
    expect(
      sandboxProblem('linux', helperDir, {
        apparmor: path.join(dir, 'none'),
        debian: switchFile('debian', '0'),
      }),
    ).not.toBeNull();
  });

  it.skipIf(process.getuid?.() !== 0)(
    'a root-owned setuid helper, or namespaces allowed, or another OS: it starts',
    () => {
      const restricted = { apparmor: switchFile('apparmor', '1'), debian: path.join(dir, 'none') };
      chmodSync(helper, 0o4755);
      expect(sandboxProblem('linux', helperDir, restricted)).toBeNull();
      chmodSync(helper, 0o755);
      expect(
        sandboxProblem('linux', helperDir, {
          apparmor: switchFile('apparmor', '0'),
          debian: path.join(dir, 'none'),
        }),
      ).toBeNull();
      expect(sandboxProblem('darwin', helperDir, restricted)).toBeNull();
    },
  );
});

/**
 * Runs first in `npm start`, `npm run dev` and `npm run package`. Electron 42+ has no install script: its binary
 * is fetched on first use, but electron-vite only reads node_modules/electron/path.txt and stops with "Electron
 * uninstall" when it is missing. So the desktop commands fetch it here, once; `npm install`, `npm test` and the
 * CLI never need it. electron-builder fetches its own copy for packaging, so `package` only checks Node.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Electron 45 and electron-builder 26 declare `node >= 22.12`, and so does Creditbar (`engines`). */
export const DESKTOP_NODE = [22, 12] as const;

export function desktopNodeProblem(nodeVersion: string): string | null {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = DESKTOP_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `The desktop app's tools (npm start, npm run dev, npm run package) need Node.js ${needMajor}.${needMinor} or newer; this is ${nodeVersion}. Node 20 reached end of life in April 2026: install Node 22 (nodejs.org).`;
}

/** Whether electron's own loader would find a binary: path.txt names it and it is there. */
export function electronBinaryPresent(electronDir: string): boolean {
  try {
    const relative = readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    return relative.length > 0 && existsSync(path.join(electronDir, 'dist', relative));
  } catch {
    return false;
  }
}

/** Where the kernel says whether an unprivileged process may make a user namespace (Chromium's sandbox needs one). */
export const USERNS_SWITCHES = {
  apparmor: '/proc/sys/kernel/apparmor_restrict_unprivileged_userns',
  debian: '/proc/sys/kernel/unprivileged_userns_clone',
};

/**
 * Why Electron would abort at start on this Linux, with the exact fix; null when it will start. Chromium's sandbox
 * needs either unprivileged user namespaces, which Ubuntu 24.04+ restricts through AppArmor (and older Debian may
 * switch off), or its setuid helper `chrome-sandbox` owned by root with mode 4755, which npm cannot install
 * (electron#42510, Electron's sandbox docs). Packaged deb and AppImage builds set the helper up themselves.
 */
export function sandboxProblem(
  platform: NodeJS.Platform,
  electronDir: string,
  switches: typeof USERNS_SWITCHES = USERNS_SWITCHES,
): string | null {
  if (platform !== 'linux') return null;
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return null;
    }
  };
  const namespacesRestricted = read(switches.apparmor) === '1' || read(switches.debian) === '0';
  if (!namespacesRestricted) return null;
  const helper = path.join(electronDir, 'dist', 'chrome-sandbox');
  let setuid = false;
  try {
    const stat = statSync(helper);
    setuid = stat.uid === 0 && (stat.mode & 0o4000) !== 0;
  } catch {
    // No helper at all: the same fix cannot apply, the message below still says what Electron needs.
  }
  if (setuid) return null;
  return [
    "Electron would stop at start here: this Linux restricts the user namespaces Chromium's sandbox uses",
    '(Ubuntu 24.04 and later do, through AppArmor), and its setuid helper is not set up. To run it with the',
    'sandbox, give the helper to root once:',
    `  sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`,
    'For development only, `npx electron-vite preview --noSandbox` runs it without the sandbox. Installed builds',
    '(deb, AppImage) need neither.',
  ].join('\n');
}

export async function prepareDesktop(
  mode: 'run' | 'package',
  projectDir: string,
  nodeVersion: string,
  userns: typeof USERNS_SWITCHES = USERNS_SWITCHES,
): Promise<number> {
  const problem = desktopNodeProblem(nodeVersion);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return 1;
  }
  if (mode === 'package') return 0;
  const electronDir = path.dirname(
    createRequire(path.join(projectDir, 'package.json')).resolve('electron/package.json'),
  );
  if (electronBinaryPresent(electronDir)) return sandboxStop(electronDir, userns);
  process.stdout.write("Fetching Electron's binary (first desktop start only)…\n");
  const status = await new Promise<number>((resolve) => {
    const install = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
    install.on('error', () => resolve(1));
    install.on('exit', (code) => resolve(code ?? 1));
  });
  if (status === 0 && electronBinaryPresent(electronDir)) return sandboxStop(electronDir, userns);
  process.stderr.write(
    "Could not fetch Electron's binary. Check the network (or set ELECTRON_MIRROR to a mirror you can reach) and run the command again.\n",
  );
  return status || 1;
}

/** Said before Electron would abort with Chromium's own FATAL lines: 0 when it can start, else 1. */
function sandboxStop(electronDir: string, userns: typeof USERNS_SWITCHES): number {
  const problem = sandboxProblem(process.platform, electronDir, userns);
  if (!problem) return 0;
  process.stderr.write(`${problem}\n`);
  return 1;
}

if (require.main === module) {
  const mode = process.argv[2] === 'package' ? 'package' : 'run';
  void prepareDesktop(mode, process.cwd(), process.version).then((code) => {
    process.exitCode = code;
  });
}

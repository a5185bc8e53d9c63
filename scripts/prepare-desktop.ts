/**
 * Runs first in `npm start`, `npm run dev` and `npm run package`. Electron 42+ has no install script: its binary
 * is fetched on first use, but electron-vite only reads node_modules/electron/path.txt and stops with "Electron
 * uninstall" when it is missing. So the desktop commands fetch it here, once; `npm install`, `npm test` and the
 * CLI never need it. electron-builder fetches its own copy for packaging, so `package` only checks Node.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

export async function prepareDesktop(
  mode: 'run' | 'package',
  projectDir: string,
  nodeVersion: string,
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
  if (electronBinaryPresent(electronDir)) return 0;
  process.stdout.write("Fetching Electron's binary (first desktop start only)…\n");
  const status = await new Promise<number>((resolve) => {
    const install = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
    install.on('error', () => resolve(1));
    install.on('exit', (code) => resolve(code ?? 1));
  });
  if (status === 0 && electronBinaryPresent(electronDir)) return 0;
  process.stderr.write(
    "Could not fetch Electron's binary. Check the network (or set ELECTRON_MIRROR to a mirror you can reach) and run the command again.\n",
  );
  return status || 1;
}

if (require.main === module) {
  const mode = process.argv[2] === 'package' ? 'package' : 'run';
  void prepareDesktop(mode, process.cwd(), process.version).then((code) => {
    process.exitCode = code;
  });
}

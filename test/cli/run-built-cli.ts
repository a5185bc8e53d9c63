import { spawn } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', 'out', 'main', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `creditbar` as a person would, with only the environment given (plus PATH and the D-Bus session). */
export function runBuiltCli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...base, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

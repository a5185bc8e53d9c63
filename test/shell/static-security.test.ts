import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RENDERER_CSP } from '../../main/core/present/window-options';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

// These read the build `npm test` makes first (out/), so they check what ships, not only the sources.
describe('what ships is locked down', () => {
  it('the sandboxed preload requires nothing but electron', () => {
    const requires = read('out/preload/index.js').match(/require\(["'][^"']+["']\)/g) ?? [];
    expect([...new Set(requires)]).toEqual(['require("electron")']);
  });

  it('the preload exposes exactly window.creditbar, and no generic ipcRenderer pass-through', () => {
    const source = read('main/preload/index.ts');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("exposeInMainWorld('creditbar', Object.freeze(api))");
    expect(source).toContain('satisfies CreditbarApi');
    expect(source).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\b/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('the built index.html carries the strict CSP', () => {
    const html = read('out/renderer/index.html');
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
    expect(meta?.[1]).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('every BrowserWindow is made from the hardened options, and nothing loosens webPreferences', () => {
    const shellFiles = [...files('main/shell'), 'main/index.ts'];
    const creators = shellFiles.filter((f) => /new BrowserWindow\(/.test(read(f)));
    expect(creators).toEqual(['main/shell/popover.ts']);
    expect(read('main/shell/popover.ts')).toMatch(/new BrowserWindow\(\s*popoverWindowOptions\(/);
    for (const file of [...shellFiles, ...files('main/core')]) {
      const text = read(file);
      expect(text, file).not.toMatch(
        /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/,
      );
      expect(text, file).not.toMatch(/allowRunningInsecureContent:\s*true|webviewTag:\s*true/);
    }
  });

  it('the popover denies navigation, new windows and permissions', () => {
    const popover = read('main/shell/popover.ts');
    expect(popover).toContain("webContents.on('will-navigate', (event) => event.preventDefault())");
    expect(popover).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(popover).toContain('setPermissionRequestHandler((_wc, _permission, callback) => callback(false))');
  });

  it('electron-builder turns the risky fuses off and keeps keytar out of the asar', () => {
    const yml = read('electron-builder.yml');
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'onlyLoadAppFromAsar: true',
      'enableEmbeddedAsarIntegrityValidation: true',
      'asar: true',
      'LSUIElement: true',
      '- node_modules/keytar/**/*',
      '- "!out/**/*.map"',
    ]) {
      expect(yml).toContain(line);
    }
    // Each OS's installers, and what its updater replaces: the mac zip, the NSIS install, the AppImage.
    const config = parse(yml) as {
      mac: { target: { target: string; arch: string }[] };
      win: { target: { target: string; arch: string }[] };
      linux: { target: string[] };
    };
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' },
    ]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
});

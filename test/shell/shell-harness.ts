import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import type {
  ChildMessage,
  DoubleSetup,
  ParentMessage,
  Rect,
  ShellCommand,
  ShellRecord,
} from './electron-double/protocol';
import { SETUP_ENV } from './electron-double/protocol';

const ROOT = path.resolve(__dirname, '..', '..');
/** The built main process, as `npm run build` makes it: what ships is what runs here. */
export const BUILT_MAIN = path.join(ROOT, 'out', 'main', 'index.js');
export const TSX_CJS = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs');
export const REGISTER = path.join(__dirname, 'electron-double', 'register.ts');

type Platform = DoubleSetup['platform'];

/** Each OS's usual screen: macOS menu bar on top, Windows taskbar at the bottom, a GNOME top bar. */
export const SCREENS: Record<Platform, { displays: DoubleSetup['displays']; trayBounds: Rect }> = {
  darwin: {
    displays: [
      {
        bounds: { x: 0, y: 0, width: 1440, height: 900 },
        workArea: { x: 0, y: 25, width: 1440, height: 875 },
      },
    ],
    trayBounds: { x: 1300, y: 1, width: 22, height: 22 },
  },
  win32: {
    displays: [
      {
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      },
    ],
    trayBounds: { x: 1800, y: 1045, width: 24, height: 30 },
  },
  linux: {
    displays: [
      {
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 32, width: 1920, height: 1048 },
      },
    ],
    trayBounds: { x: 1850, y: 4, width: 24, height: 24 },
  },
};

export interface ShellOptions {
  platform: Platform;
  /** The app's data folder and the "OS" state (lock, login items) live under it. */
  home: string;
  isPackaged?: boolean;
  wayland?: boolean;
  takenShortcuts?: string[];
  languages?: string[];
  screen?: { displays: DoubleSetup['displays']; trayBounds: Rect; primaryDisplay?: number };
  darkMode?: boolean;
  fullScreenSpace?: boolean;
  desktop?: DoubleSetup['desktop'];
  loginItemsHeldBack?: boolean;
  notificationsFail?: boolean;
  env?: Record<string, string>;
  argv?: string[];
  /** process.resourcesPath; `<home>/resources` unless given. */
  resourcesPath?: string;
}

/** The built main process running under the Electron stand-in, driven like a person would. */
export class ShellRun {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly recordFile: string,
  ) {
    child.stderr?.on('data', (chunk) => {
      this.stderr += String(chunk);
    });
    child.on('message', (message: ChildMessage) => {
      if (message.kind !== 'reply') return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.error));
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(options: ShellOptions): ShellRun {
    const userData = path.join(options.home, 'userData');
    const lockDir = path.join(options.home, 'os');
    mkdirSync(userData, { recursive: true });
    mkdirSync(lockDir, { recursive: true });
    const resourcesPath = options.resourcesPath ?? path.join(options.home, 'resources');
    mkdirSync(resourcesPath, { recursive: true });
    const recordFile = path.join(
      options.home,
      `records-${Date.now()}-${Math.random().toString(36).slice(2)}.ndjson`,
    );
    const screen: NonNullable<ShellOptions['screen']> = options.screen ?? SCREENS[options.platform];
    const setup: DoubleSetup & { recordFile: string } = {
      platform: options.platform,
      userData,
      isPackaged: options.isPackaged ?? true,
      lockDir,
      wayland: options.wayland ?? false,
      displays: screen.displays,
      trayBounds: screen.trayBounds,
      takenShortcuts: options.takenShortcuts ?? [],
      languages: options.languages ?? ['en-US'],
      primaryDisplay: screen.primaryDisplay ?? 0,
      darkMode: options.darkMode ?? false,
      fullScreenSpace: options.fullScreenSpace ?? false,
      desktop: options.desktop ?? 'gnome',
      loginItemsHeldBack: options.loginItemsHeldBack ?? false,
      notificationsFail: options.notificationsFail ?? false,
      resourcesPath,
      recordFile,
    };
    const child = fork(BUILT_MAIN, options.argv ?? [], {
      execArgv: ['--expose-gc', '--require', TSX_CJS, '--require', REGISTER],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: options.home,
        XDG_CONFIG_HOME: path.join(options.home, 'xdg-config'),
        DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
        CREDITBAR_KEYCHAIN_SERVICE: TEST_KEYCHAIN_SERVICE,
        TZ: 'UTC',
        [SETUP_ENV]: JSON.stringify(setup),
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    return new ShellRun(child, recordFile);
  }

  records(): ShellRecord[] {
    let text = '';
    try {
      text = readFileSync(this.recordFile, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ShellRecord);
  }

  calls(call: string): ShellRecord[] {
    return this.records().filter((r) => r.call === call);
  }

  /** Every Electron rule the app ran into (a panel with no focus events, a menu closed under the person...). */
  rules(): string[] {
    return this.calls('rule').map((r) => String(r.detail));
  }

  do(command: ShellCommand): Promise<unknown> {
    const id = this.nextId++;
    const message: ParentMessage = { kind: 'command', id, command };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send(message);
    });
  }

  /** Waits until a record matching `test` appears after `since` (a record count), or fails naming `what`. */
  async waitFor(
    what: string,
    test: (r: ShellRecord) => boolean,
    since = 0,
    timeoutMs = 10_000,
  ): Promise<ShellRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records().slice(since).find(test);
      if (found) return found;
      if (this.child.exitCode !== null)
        throw new Error(`The app exited (${this.child.exitCode}) before ${what}\n${this.stderr}`);
      if (Date.now() > deadline) {
        const tail = this.records()
          .slice(-15)
          .map((r) => `${r.call} ${JSON.stringify(r.detail)}`);
        throw new Error(`Timed out waiting for ${what}; last records:\n${tail.join('\n')}\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  waitForCall(call: string, since = 0, detail?: (d: unknown) => boolean): Promise<ShellRecord> {
    return this.waitFor(call, (r) => r.call === call && (detail ? detail(r.detail) : true), since);
  }

  /** The page has mounted and told main it listens (what the renderer does after every load). */
  waitForPageReady(since = 0): Promise<ShellRecord> {
    return this.waitFor(
      'the page to say popover:ready',
      (r) => r.call === 'ipc.invoke' && (r.detail as { channel: string }).channel === 'popover:ready',
      since,
    );
  }

  get count(): number {
    return this.records().length;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

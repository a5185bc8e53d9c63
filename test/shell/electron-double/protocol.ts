/** What the harness and the child running the built main process say to each other (over fork's IPC channel). */

/** One thing the app did to Electron, or one rule of Electron's it ran into. */
export interface ShellRecord {
  /** e.g. `tray.setTitle`, `window.show`, `webContents.send`, `rule` */
  call: string;
  detail: unknown;
  /** Wall-clock milliseconds, comparable with the fake providers' request times. */
  at: number;
}

/** What a person (or the OS) does; each is answered with a reply once the double has acted on it. */
export type ShellCommand =
  | { type: 'tray-click'; button: 'left' | 'right' | 'double' }
  | { type: 'menu-click'; label: string }
  | { type: 'menu-dismiss' }
  /** The person clicks elsewhere: the focused window loses focus. */
  | { type: 'blur' }
  /** What the page does through its preload: invoke a channel from the popover's top frame. */
  | { type: 'invoke'; channel: string; payload: unknown }
  /** The popover's window is destroyed, as its 5-minutes-hidden timer does. */
  | { type: 'destroy-window' }
  | { type: 'notification-click'; index: number }
  /** Windows: the toast's time is up and it moves to the Action Center, where it can still be clicked. */
  | { type: 'notification-timeout'; index: number }
  | { type: 'gc' }
  | { type: 'power'; event: 'suspend' | 'resume' }
  | { type: 'app-event'; event: 'activate' }
  | { type: 'state' }
  /** The person presses a global shortcut somewhere on the system. */
  | { type: 'shortcut-press'; accelerator: string };

export type ChildMessage =
  | { kind: 'record'; record: ShellRecord }
  | { kind: 'reply'; id: number; ok: boolean; value?: unknown; error?: string };

export type ParentMessage = { kind: 'command'; id: number; command: ShellCommand };

/** How the harness sets the stand-in up, through the child's environment. */
export interface DoubleSetup {
  platform: 'linux' | 'darwin' | 'win32';
  userData: string;
  isPackaged: boolean;
  /** Folder for the single-instance lock and its socket, shared by processes of one "install". */
  lockDir: string;
  /** A Wayland session: windows never get blur and setPosition does nothing. */
  wayland: boolean;
  displays: { bounds: Rect; workArea: Rect }[];
  trayBounds: Rect;
  /** The OS's preferred languages, first first. */
  languages: string[];
  /** Shortcuts another app holds: registering one fails, as the OS makes it. */
  takenShortcuts: string[];
  /** Which of `displays` is the primary one (the OS may list it anywhere). */
  primaryDisplay: number;
  /** The system's dark mode (nativeTheme.shouldUseDarkColors). */
  darkMode: boolean;
  /** macOS: the person is on a full-screen app's Space when the popover opens. */
  fullScreenSpace: boolean;
  /** Linux: the desktop showing the StatusNotifierItem, which decides what activates it. */
  desktop: 'gnome' | 'kde';
  /**
   * The OS registers a login item but will not start it: macOS awaiting the person's approval in Login Items,
   * Windows with it switched off in Task Manager's Startup apps.
   */
  loginItemsHeldBack: boolean;
  /** macOS: notifications fail for this (unsigned) app, as UNNotification refuses it since Electron 42. */
  notificationsFail: boolean;
  /**
   * process.resourcesPath: where a packaged app keeps app.asar and what electron-builder writes beside it
   * (app-update.yml, package-type).
   */
  resourcesPath: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const SETUP_ENV = 'CREDITBAR_ELECTRON_DOUBLE';

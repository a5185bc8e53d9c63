import type { MessageKey } from '../../../shared/i18n/catalog';

/**
 * Launch at login on Linux: an XDG autostart entry (Electron's login-item API covers only macOS and Windows).
 * The shell writes this text to ~/.config/autostart/creditbar.desktop, or deletes the file.
 */
export function autostartDesktopEntry(executable: string): string {
  const quoted = /[\s"'\\$`]/.test(executable) ? `"${executable.replace(/(["\\$`])/g, '\\$1')}"` : executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Creditbar',
    'Comment=Watches your API credit balances',
    `Exec=${quoted} ${START_HIDDEN_FLAG}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export interface LoginItemContext {
  platform: NodeJS.Platform;
  /** False under `npm start` / `npm run dev`, where the executable is bare Electron, not Creditbar. */
  isPackaged: boolean;
  execPath: string;
  /** Set by an AppImage to its own path: the file to launch, since execPath is inside a temporary mount. */
  appImage: string | undefined;
  /** `$XDG_CONFIG_HOME`, else `~/.config`. */
  configHome: string;
}

/** How launch at login is done here, or why it is not offered. */
export type LoginItemPlan =
  | { kind: 'unavailable'; reason: MessageKey }
  /**
   * Electron's login-item API. Windows compares `path` and `args` when reading the setting back, so both are
   * passed on read and on write; macOS ignores them.
   */
  | { kind: 'login-item'; path: string; args: string[] }
  | { kind: 'xdg-autostart'; file: string; contents: string };

export const START_HIDDEN_FLAG = '--hidden';

export function loginItemPlan(context: LoginItemContext): LoginItemPlan {
  // Unpackaged, the executable is Electron itself: a login item would start an empty Electron at every login.
  if (!context.isPackaged) {
    return { kind: 'unavailable', reason: 'login.unavailable' };
  }
  if (context.platform === 'linux') {
    return {
      kind: 'xdg-autostart',
      file: `${context.configHome}/autostart/creditbar.desktop`,
      contents: autostartDesktopEntry(context.appImage ?? context.execPath),
    };
  }
  return { kind: 'login-item', path: context.execPath, args: [START_HIDDEN_FLAG] };
}

/**
 * Whether the OS will really start the app at login, from what Electron reads back: `openAtLogin` says an item
 * is registered, but macOS 13+ may hold it for the person's approval (`status`, SMAppService) and Windows may have
 * it switched off in Task Manager's Startup apps (`executableWillLaunchAtLogin`) (app.getLoginItemSettings docs).
 */
export function loginItemWillLaunch(settings: {
  openAtLogin: boolean;
  status?: string;
  executableWillLaunchAtLogin?: boolean;
}): boolean {
  if (!settings.openAtLogin) return false;
  if (settings.status !== undefined && settings.status !== 'enabled') return false;
  return settings.executableWillLaunchAtLogin !== false;
}

/**
 * Whether an XDG autostart entry will start the app: the file exists, runs something, and is not switched off
 * (`Hidden=true`, or GNOME's `X-GNOME-Autostart-enabled=false`, which a desktop's startup settings write).
 */
export function autostartEnabled(contents: string | null): boolean {
  if (contents === null) return false;
  const key = (name: string) => new RegExp(`^${name}\\s*=\\s*(.*)$`, 'm').exec(contents)?.[1]?.trim();
  if (!key('Exec')) return false;
  if (key('Hidden')?.toLowerCase() === 'true') return false;
  return key('X-GNOME-Autostart-enabled')?.toLowerCase() !== 'false';
}

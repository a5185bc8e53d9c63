/**
 * The app's id: electron-builder's `appId` (the installer's AppUserModelID on Windows, the bundle id on macOS).
 * Windows shows a notification only for the id the Start-menu shortcut carries, so the shell sets the same one;
 * a test keeps this and electron-builder.yml in step.
 */
export const APP_ID = 'app.creditbar.desktop';

/**
 * The AppUserModelID the app runs under on Windows: the installer's when packaged; a development one under
 * `npm start`, which would otherwise take over the installed app's Start-menu shortcut and its notifications
 * (Windows ties both to the id).
 */
export function appUserModelId(isPackaged: boolean): string {
  return isPackaged ? APP_ID : `${APP_ID}.dev`;
}

/**
 * The app's id: electron-builder's `appId` (the installer's AppUserModelID on Windows, the bundle id on macOS).
 * Windows shows a notification only for the id the Start-menu shortcut carries, so the shell sets the same one;
 * a test keeps this and electron-builder.yml in step.
 */
export const APP_ID = 'app.creditbar.desktop';

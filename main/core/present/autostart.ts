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
    `Exec=${quoted} --hidden`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

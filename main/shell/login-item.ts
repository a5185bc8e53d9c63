import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import { autostartEnabled, type LoginItemPlan, loginItemWillLaunch } from '../core/present/autostart';

/**
 * Whether the app will start at login, as the OS says now, read the way it was written (Windows compares path and
 * args): a registered item the OS holds back counts as off (autostart.ts).
 */
export async function getLaunchAtLogin(plan: LoginItemPlan): Promise<boolean> {
  switch (plan.kind) {
    case 'unavailable':
      return false;
    case 'login-item':
      return loginItemWillLaunch(app.getLoginItemSettings({ path: plan.path, args: plan.args }));
    case 'xdg-autostart':
      return autostartEnabled(await readFile(plan.file, 'utf8').catch(() => null));
  }
}

/** Asks the OS, then reads back what it did: the setting shown is the OS's, not the one asked for. */
export async function setLaunchAtLogin(
  plan: Exclude<LoginItemPlan, { kind: 'unavailable' }>,
  enabled: boolean,
): Promise<boolean> {
  if (plan.kind === 'login-item')
    app.setLoginItemSettings({ openAtLogin: enabled, path: plan.path, args: plan.args });
  else if (!enabled) await rm(plan.file, { force: true });
  else {
    await mkdir(path.dirname(plan.file), { recursive: true });
    await writeFile(plan.file, plan.contents, { mode: 0o644 });
  }
  return getLaunchAtLogin(plan);
}

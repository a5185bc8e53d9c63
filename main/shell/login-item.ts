import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import type { LoginItemPlan } from '../core/present/autostart';

/** Whether the app starts at login, read the same way it was written (Windows compares path and args). */
export async function getLaunchAtLogin(plan: LoginItemPlan): Promise<boolean> {
  switch (plan.kind) {
    case 'unavailable':
      return false;
    case 'login-item':
      return app.getLoginItemSettings({ path: plan.path, args: plan.args }).openAtLogin;
    case 'xdg-autostart':
      return stat(plan.file).then(
        () => true,
        () => false,
      );
  }
}

export async function setLaunchAtLogin(
  plan: Exclude<LoginItemPlan, { kind: 'unavailable' }>,
  enabled: boolean,
): Promise<void> {
  if (plan.kind === 'login-item') {
    app.setLoginItemSettings({ openAtLogin: enabled, path: plan.path, args: plan.args });
    return;
  }
  if (!enabled) {
    await rm(plan.file, { force: true });
    return;
  }
  await mkdir(path.dirname(plan.file), { recursive: true });
  await writeFile(plan.file, plan.contents, { mode: 0o644 });
}

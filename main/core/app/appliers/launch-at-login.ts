import type { MessageKey } from '../../../../shared/i18n/catalog';
import { message } from '../../../../shared/message';
import { AppFailure } from '../../errors';

/** Turns launch at login on or off in the OS (the shell's effect), or says why it is not offered here. */
/** The OS's login items: `apply` asks for a state and answers the one the OS then reports. */
export type LoginItem = { apply: (enabled: boolean) => Promise<boolean> } | { unavailable: MessageKey };

/** Whether Creditbar starts at login: the OS holds the truth, read once at start, changed only through here. */
export class LaunchAtLogin {
  enabled = false;

  constructor(private readonly loginItem: LoginItem) {}

  get available(): boolean {
    return 'apply' in this.loginItem;
  }

  async set(value: boolean): Promise<void> {
    if ('unavailable' in this.loginItem) throw new AppFailure('config', message(this.loginItem.unavailable));
    // What the OS reports after the change, not what was asked: an item it holds back shows as off, and says why.
    this.enabled = await this.loginItem.apply(value);
    if (value && !this.enabled) throw new AppFailure('config', message('login.heldBack'));
  }
}

import type { MessageKey } from '../../../../shared/i18n/catalog';
import { message } from '../../../../shared/message';
import { AppFailure } from '../../errors';

/** Turns launch at login on or off in the OS (the shell's effect), or says why it is not offered here. */
export type LoginItem = { apply: (enabled: boolean) => Promise<void> } | { unavailable: MessageKey };

/** Whether Creditbar starts at login: the OS holds the truth, read once at start, changed only through here. */
export class LaunchAtLogin {
  enabled = false;

  constructor(private readonly loginItem: LoginItem) {}

  get available(): boolean {
    return 'apply' in this.loginItem;
  }

  async set(value: boolean): Promise<void> {
    if ('unavailable' in this.loginItem) throw new AppFailure('config', message(this.loginItem.unavailable));
    await this.loginItem.apply(value);
    this.enabled = value;
  }
}

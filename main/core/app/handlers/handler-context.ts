import type { AppState } from '../../../../shared/app-state';
import type { CoreChannel } from '../../../../shared/ipc';
import type { InvokeImpl } from '../../ipc/ipc-guard';
import type { CreditbarCore } from '../../runtime/creditbar-core';
import type { LaunchAtLogin } from '../appliers/launch-at-login';

/** What the desktop app's IPC handlers act on: the core, and the few things only the desktop holds. */
export interface HandlerContext {
  core: CreditbarCore;
  /** The last four characters of each key given in this run (the keychain is never read back for them). */
  keyHints: Map<string, string | null>;
  launchAtLogin: LaunchAtLogin;
  state(): AppState;
  /** Pushes the state to the popover and the tray now, not at the next poll. */
  emitState(): void;
  /** Opens an https link in the person's browser (the shell's effect). */
  openExternal: (url: string) => Promise<void>;
  /** Asks the person where to save a file (the shell's dialog); null when they cancel. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>;
}

/** The handlers of some of the channels the core answers. */
export type HandlersOf<C extends CoreChannel> = { [K in C]: InvokeImpl<K> };

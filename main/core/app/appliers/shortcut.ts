import { acceleratorLabel } from '../../../../shared/accelerator';
import { type Message, message } from '../../../../shared/message';
import type { ConfigStore } from '../../store/config-store';

/**
 * Makes `accelerator` the one global shortcut that opens and closes the popover (null: none), dropping any before;
 * false when the OS refuses it (another app holds it).
 */
export type RegisterShortcut = (accelerator: string | null) => boolean;

/** Hands the OS the shortcut in settings when it changed; a refusal is kept to be said in Settings. */
export class ShortcutApplier {
  private applied: string | null = null;
  /** Why the shortcut does not work, when it does not. */
  problem: Message | null = null;

  constructor(
    private readonly config: ConfigStore,
    private readonly register: RegisterShortcut | undefined,
    private readonly platform: NodeJS.Platform,
    /** Called when the problem to say changed, so Settings says it at once. */
    private readonly changed: () => void,
    /**
     * The OS takes a shortcut without saying whether it will reach the app: Linux under Wayland, where the
     * desktop's portal decides (and GNOME refuses an app it cannot identify without a word, electron#52218).
     */
    private readonly unchecked = false,
  ) {
    config.onChange(() => this.apply());
  }

  apply(): void {
    const wanted = this.config.settings.shortcut ?? null;
    // A refused shortcut is tried again on the next change: the app holding it may have let it go.
    if (!this.register || (wanted === this.applied && this.problem === null)) return;
    const registered = this.register(wanted);
    const shortcut = wanted ? acceleratorLabel(wanted, this.platform) : '';
    // Only Windows says a refused shortcut is held by another app (RegisterHotKey's ERROR_HOTKEY_ALREADY_REGISTERED);
    // elsewhere a refusal has no stated reason, and is worded so.
    const problem = !wanted
      ? null
      : !registered
        ? message(this.platform === 'win32' ? 'shortcut.refused' : 'shortcut.notRegistered', { shortcut })
        : this.unchecked
          ? message('shortcut.mayNotWork', { shortcut })
          : null;
    const said = JSON.stringify(problem) !== JSON.stringify(this.problem);
    this.applied = wanted;
    this.problem = problem;
    if (said) this.changed();
  }
}

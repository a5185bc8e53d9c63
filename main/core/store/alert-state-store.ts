import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AlertState, EMPTY_ALERT_STATE } from '../alerts/alert-engine';
import { writePrivateFile } from './private-file';

/** Which alerts were already given, kept across restarts so none repeats and none due is missed. */
export class AlertStateStore {
  constructor(private readonly file: string) {}

  async load(): Promise<AlertState> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY_ALERT_STATE);
      // A folder where the file should be, or a file that cannot be read: set aside like a damaged one, and go
      // on with no alert history rather than refuse to start.
      await this.setAside();
      return structuredClone(EMPTY_ALERT_STATE);
    }
    try {
      const parsed = AlertState.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // falls through to moving it aside
    }
    await this.setAside();
    return structuredClone(EMPTY_ALERT_STATE);
  }

  private async setAside(): Promise<void> {
    await rm(`${this.file}.bad`, { recursive: true, force: true }).catch(() => undefined);
    await rename(this.file, `${this.file}.bad`).catch(() => undefined);
  }

  /** For the CLI, where no monitor holds the state: removes one account's entry and its held alerts. */
  async forget(accountId: string): Promise<void> {
    const state = await this.load();
    if (!state.accounts[accountId] && !state.held.some((h) => h.accountId === accountId)) return;
    delete state.accounts[accountId];
    state.held = state.held.filter((h) => h.accountId !== accountId);
    await this.save(state);
  }

  async save(state: AlertState): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await writePrivateFile(this.file, JSON.stringify(state));
  }
}

import type { Snapshot } from '../../../shared/model';
import type { HistoryStore } from '../store/history';

/**
 * Writes each fresh value into the account's history, in the one process that owns the data dir's monitoring (a
 * second process reads only, so no point is written twice). A write that fails is said, and polling goes on.
 */
export class HistoryRecorder {
  constructor(
    private readonly history: HistoryStore,
    /** Read at each write: this process may gain or lose the data dir's monitoring while it runs. */
    private readonly owner: () => boolean,
    private readonly problem: () => void,
  ) {}

  async record(accountId: string, snapshot: Snapshot): Promise<void> {
    if (!this.owner()) return;
    await this.history.append(accountId, snapshot).catch(() => this.problem());
  }
}

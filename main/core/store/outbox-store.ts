import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ChannelAlert } from '../../../shared/channels';
import { MessageSchema } from '../../../shared/message';
import { z } from '../../../shared/zod';
import { writePrivateFile } from './private-file';

/** One alert on its way to one channel: written before it is sent, removed once the channel took it. */
export const OutboxEntry = z.object({
  version: z.literal(1),
  channelId: z.string(),
  alert: ChannelAlert,
  attempts: z.int().check(z.nonnegative()),
  /** When it was first put here: after a day of failing it is given up. */
  firstAt: z.iso.datetime({ offset: true }),
  /** Not sent before this (a wait the transport asked for, a backoff, the channel's quiet hours). */
  nextAt: z.iso.datetime({ offset: true }),
  lastProblem: z.nullable(MessageSchema),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The file an entry is kept in: its alert's id and its channel's, so one alert reaches each channel once. */
export function outboxKey(entry: Pick<OutboxEntry, 'channelId' | 'alert'>): string {
  return `${entry.alert.id}.${entry.channelId}`;
}

/**
 * The durable outbox (outbox/ in the data dir): one file per alert and channel, written atomically before the
 * alert is sent, so a crash or a kill loses nothing; removed after the channel accepted it, so a restart repeats
 * nothing but what was in flight (which carries its idempotency key). Given-up deliveries move to outbox/failed/,
 * where `status` and the popover show them.
 */
export class OutboxStore {
  constructor(readonly dir: string) {}

  private get failedDir(): string {
    return path.join(this.dir, 'failed');
  }

  private async read(dir: string): Promise<OutboxEntry[]> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: OutboxEntry[] = [];
    for (const name of names.sort()) {
      const file = path.join(dir, name);
      try {
        const parsed = OutboxEntry.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (parsed.success) {
          entries.push(parsed.data);
          continue;
        }
      } catch {
        // falls through: an entry that cannot be read is set aside, never sent half-read
      }
      await rename(file, `${file}.bad`).catch(() => undefined);
    }
    return entries;
  }

  /** What waits to be sent, oldest first. */
  pending(): Promise<OutboxEntry[]> {
    return this.read(this.dir);
  }

  /** What was given up on, with why. */
  failed(): Promise<OutboxEntry[]> {
    return this.read(this.failedDir);
  }

  async put(entry: OutboxEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writePrivateFile(path.join(this.dir, `${outboxKey(entry)}.json`), JSON.stringify(entry));
  }

  async remove(entry: OutboxEntry): Promise<void> {
    await rm(path.join(this.dir, `${outboxKey(entry)}.json`), { force: true });
  }

  /** Gives an entry up: kept in failed/ with its last problem, out of the queue. */
  async giveUp(entry: OutboxEntry): Promise<void> {
    await mkdir(this.failedDir, { recursive: true, mode: 0o700 });
    await writePrivateFile(path.join(this.failedDir, `${outboxKey(entry)}.json`), JSON.stringify(entry));
    await this.remove(entry);
  }

  /** The channel works again (a test went through): what it failed before is no longer said. */
  async clearFailed(channelId: string): Promise<void> {
    for (const entry of await this.read(this.failedDir))
      if (entry.channelId === channelId)
        await rm(path.join(this.failedDir, `${outboxKey(entry)}.json`), { force: true });
  }

  /** A channel removed: what waited for it, and what it failed, go with it. */
  async forget(channelId: string): Promise<void> {
    for (const dir of [this.dir, this.failedDir])
      for (const entry of await this.read(dir))
        if (entry.channelId === channelId)
          await rm(path.join(dir, `${outboxKey(entry)}.json`), { force: true });
  }
}

import { randomUUID } from 'node:crypto';
import type { AlertIntent } from '../../../shared/alerts';
import { type Channel, type ChannelAlert, channelEnvName, channelSecretName } from '../../../shared/channels';
import { translatorFor } from '../../../shared/i18n/catalogs';
import type { Language } from '../../../shared/i18n/languages';
import { message } from '../../../shared/message';
import { AppFailure } from '../errors';
import type { Clock } from '../monitor/clock';
import type { OutboxEntry, OutboxStore } from '../store/outbox-store';
import type { SecretStore } from '../store/secrets';
import { deliveryFor } from './channel-message';
import { channelHears, GIVE_UP_AFTER_MS, retryDelayMs, sendAfter } from './channel-route';
import { type SendOutcome, sendEmail, sendHttp } from './channel-transport';

export interface ChannelServiceDeps {
  outbox: OutboxStore;
  channels: () => readonly Channel[];
  keychain: SecretStore;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** The app's language: a channel's messages are in it unless the channel names its own. */
  language: () => Language;
  /** Only the process that owns the data dir's monitoring sends: two processes never both deliver. */
  owner: () => boolean;
}

export interface ChannelServiceEvents {
  /** A delivery was given up (a refusal, or a day of failures): counted by `serve`, said by the popover. */
  failed?(entry: OutboxEntry): void;
}

/**
 * A channel's secret: its environment variable, else the keychain; null when neither has one. A keychain that
 * cannot be read now (locked, its service not running) throws: the delivery waits for it rather than give up.
 */
async function secretOf(deps: ChannelServiceDeps, id: string, suffix = ''): Promise<string | null> {
  const fromEnv = deps.env[`${channelEnvName(id)}${suffix ? `_${suffix.toUpperCase()}` : ''}`];
  if (fromEnv) return fromEnv;
  return deps.keychain.get(`${channelSecretName(id)}${suffix ? `:${suffix}` : ''}`);
}

/**
 * Alerts that reach a person away from the desk. Each alert the alert service gives (the same dedupe, hysteresis
 * and quiet hours as the desktop's) is written to the outbox for every channel that hears it, then sent; a
 * network error, a 5xx or a 429 is tried again (after the wait asked for), anything else or a day of failing is
 * given up and kept with why.
 */
export class ChannelService {
  private timer: unknown = null;
  /** Deliveries given up since this process started, by channel: `serve`'s creditbar_channel_failures_total. */
  private readonly failures = new Map<string, number>();
  private running = false;
  private flushing: Promise<void> | null = null;
  /** Something came while a flush ran: one more flush after it, so nothing waits for the next timer. */
  private again = false;

  constructor(
    private readonly deps: ChannelServiceDeps,
    private readonly events: ChannelServiceEvents = {},
  ) {}

  /** Starts sending what waits, and what comes (only while this process owns the data dir). */
  start(): void {
    this.running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timer = null;
    await this.flushing;
  }

  failureCounts(): ReadonlyMap<string, number> {
    return this.failures;
  }

  /** Resolves once nothing is being sent. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** One alert, written for every channel that hears it before anything is sent. */
  async enqueue(intent: AlertIntent, account: ChannelAlert['account']): Promise<void> {
    const now = this.deps.clock.wall();
    const alert: ChannelAlert = { id: randomUUID(), at: now.toISOString(), intent, account, test: false };
    for (const channel of this.deps.channels()) {
      if (!channelHears(channel, intent)) continue;
      await this.deps.outbox.put({
        version: 1,
        channelId: channel.id,
        alert,
        attempts: 0,
        firstAt: now.toISOString(),
        nextAt: sendAfter(channel, now).toISOString(),
        lastProblem: null,
      });
    }
    this.kick();
  }

  /** A clearly marked test message, sent at once (not through the outbox): what the transport answered. */
  test(channel: Channel): Promise<SendOutcome> {
    const now = this.deps.clock.wall();
    return this.send(channel, {
      id: randomUUID(),
      at: now.toISOString(),
      intent: TEST_INTENT,
      account: null,
      test: true,
    });
  }

  private async send(channel: Channel, alert: ChannelAlert): Promise<SendOutcome> {
    let secret: string | null;
    let signingKey: string | null;
    try {
      secret = await secretOf(this.deps, channel.id);
      signingKey = channel.type === 'webhook' ? await secretOf(this.deps, channel.id, 'hmac') : null;
    } catch (error) {
      const said = error instanceof AppFailure ? error.said : message('kind.keychain_unavailable');
      return { ok: false, retry: true, retryAfterMs: null, problem: said };
    }
    // ntfy may be an open topic: the only transport that can go without a secret.
    if (!secret && channel.type !== 'ntfy')
      return {
        ok: false,
        retry: false,
        retryAfterMs: null,
        problem: message('channel.noSecret', { id: channel.id, variable: channelEnvName(channel.id) }),
      };
    const language = channel.language ?? this.deps.language();
    const delivery = deliveryFor(channel, alert, translatorFor(language), language, secret ?? '', signingKey);
    if (delivery.kind === 'email') return sendEmail(delivery, secret ?? '');
    return sendHttp(channel, delivery, secret ?? '', this.deps.clock.wall());
  }

  /** Sends what is due now, one at a time, then sleeps until the next is due. */
  private kick(): void {
    if (!this.running || !this.deps.owner()) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async flush(): Promise<void> {
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timer = null;
    const entries = await this.deps.outbox.pending().catch(() => []);
    let next: number | null = null;
    for (const entry of entries) {
      if (!this.running || !this.deps.owner()) return;
      const now = this.deps.clock.wall().getTime();
      const due = Date.parse(entry.nextAt);
      if (due > now) {
        next = next === null ? due : Math.min(next, due);
        continue;
      }
      const channel = this.deps.channels().find((c) => c.id === entry.channelId);
      // The channel was removed while this waited: nothing is sent for it.
      if (!channel) {
        await this.deps.outbox.remove(entry);
        continue;
      }
      const outcome = await this.send(channel, entry.alert);
      if (outcome.ok) {
        await this.deps.outbox.remove(entry);
        continue;
      }
      const attempts = entry.attempts + 1;
      const at = this.deps.clock.wall().getTime();
      const tried = { ...entry, attempts, lastProblem: outcome.problem };
      if (!outcome.retry || at - Date.parse(entry.firstAt) >= GIVE_UP_AFTER_MS) {
        await this.deps.outbox.giveUp(tried);
        this.failures.set(tried.channelId, (this.failures.get(tried.channelId) ?? 0) + 1);
        this.events.failed?.(tried);
        continue;
      }
      const retryAt = at + retryDelayMs(attempts, outcome.retryAfterMs);
      await this.deps.outbox.put({ ...tried, nextAt: new Date(retryAt).toISOString() });
      next = next === null ? retryAt : Math.min(next, retryAt);
    }
    if (next !== null && this.running) {
      const wait = Math.max(0, next - this.deps.clock.wall().getTime());
      this.timer = this.deps.clock.setTimer(() => this.kick(), wait);
    }
  }
}

const TEST_INTENT: AlertIntent = {
  accountId: null,
  kind: 'summary',
  severity: 'info',
  title: message('channel.testTitle'),
  body: message('channel.testBody'),
};

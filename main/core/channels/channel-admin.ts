import { type Channel, channelEnvName, channelSecretName } from '../../../shared/channels';
import { type Message, message } from '../../../shared/message';
import { urlProblem } from '../../../shared/url-policy';
import { ConfigError } from '../errors';
import type { ConfigStore } from '../store/config-store';
import type { OutboxEntry, OutboxStore } from '../store/outbox-store';
import type { SecretStore } from '../store/secrets';
import type { ChannelService } from './channel-service';
import type { SendOutcome } from './channel-transport';

/** What a channel's secret must look like before it is kept: a URL for the webhooks, a bot token for Telegram. */
export function secretProblem(channel: Channel, secret: string): Message | null {
  if (channel.type === 'ntfy' || channel.type === 'email') return null;
  if (channel.type === 'telegram')
    return /^\d+:[A-Za-z0-9_-]{20,}$/.test(secret) ? null : message('cli.channelBotToken');
  const problem = urlProblem(secret);
  return problem ? message('cli.channelSecretUrl', { problem }) : null;
}

export interface ChannelAdminDeps {
  config: ConfigStore;
  keychain: SecretStore;
  outbox: OutboxStore;
  env: NodeJS.ProcessEnv;
}

/**
 * Adding, testing and removing alert channels, for the CLI and the popover alike: the secret is checked and kept
 * in the keychain before the channel is in the config, and goes with it.
 */
export class ChannelAdmin {
  constructor(private readonly deps: ChannelAdminDeps) {}

  /** Adds a channel; its secret (unless it stays in CREDITBAR_CHANNEL_<ID>) and signing key to the keychain. */
  async add(channel: Channel, secret: string, signingKey = ''): Promise<void> {
    if (this.deps.config.channels.some((c) => c.id === channel.id))
      throw new ConfigError(message('channel.idTaken', { id: channel.id }));
    const fromEnv = Boolean(this.deps.env[channelEnvName(channel.id)]);
    if (!fromEnv && !secret && channel.type !== 'ntfy')
      throw new ConfigError(message('cli.noChannelSecret', { variable: channelEnvName(channel.id) }));
    const problem = secret ? secretProblem(channel, secret) : null;
    if (problem) throw new ConfigError(problem);
    if (secret) await this.deps.keychain.set(channelSecretName(channel.id), secret);
    if (signingKey) await this.deps.keychain.set(`${channelSecretName(channel.id)}:hmac`, signingKey);
    await this.deps.config.addChannel(channel);
  }

  /**
   * Changes a channel's fields; a new secret replaces the kept one, an empty one keeps it. Its type stays: a Slack
   * URL is no bot token.
   */
  async update(channel: Channel, secret: string): Promise<void> {
    const existing = this.deps.config.channels.find((c) => c.id === channel.id);
    if (!existing)
      throw new ConfigError(message('cli.noSuchChannel', { id: channel.id, file: this.deps.config.file }));
    if (existing.type !== channel.type) throw new ConfigError(message('channel.typeStays'));
    const problem = secret ? secretProblem(channel, secret) : null;
    if (problem) throw new ConfigError(problem);
    if (secret) await this.deps.keychain.set(channelSecretName(channel.id), secret);
    await this.deps.config.replaceChannel(channel);
  }

  /** A clearly marked test, sent now; a channel that works again no longer says what it failed before. */
  async test(id: string, service: ChannelService): Promise<SendOutcome> {
    const channel = this.deps.config.channels.find((c) => c.id === id);
    if (!channel) throw new ConfigError(message('cli.noSuchChannel', { id, file: this.deps.config.file }));
    const outcome = await service.test(channel);
    if (outcome.ok) await this.deps.outbox.clearFailed(id).catch(() => undefined);
    return outcome;
  }

  /** Removes a channel, its secrets, and what waited for it or failed; null when there was none by that id. */
  async remove(id: string): Promise<Channel | null> {
    const removed = await this.deps.config.removeChannel(id);
    if (!removed) return null;
    await this.deps.keychain.delete(channelSecretName(id)).catch(() => false);
    await this.deps.keychain.delete(`${channelSecretName(id)}:hmac`).catch(() => false);
    await this.deps.outbox.forget(id).catch(() => undefined);
    return removed;
  }

  /** Each channel with the deliveries it gave up, newest last. */
  async list(): Promise<{ channel: Channel; failed: OutboxEntry[] }[]> {
    const failed = await this.deps.outbox.failed().catch(() => []);
    return this.deps.config.channels.map((channel) => ({
      channel,
      failed: failed.filter((f) => f.channelId === channel.id),
    }));
  }
}

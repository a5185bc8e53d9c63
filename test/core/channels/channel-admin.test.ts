import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelAdmin } from '../../../main/core/channels/channel-admin';
import { ConfigError } from '../../../main/core/errors';
import { ConfigStore } from '../../../main/core/store/config-store';
import { OutboxStore } from '../../../main/core/store/outbox-store';
import { Channel } from '../../../shared/channels';
import { say } from '../../support/english';

async function admin() {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-channel-admin-'));
  const items = new Map<string, string>();
  const config = await ConfigStore.open(path.join(dir, 'config.json'));
  const channels = new ChannelAdmin({
    config,
    keychain: {
      get: async (name) => items.get(name) ?? null,
      set: async (name, value) => void items.set(name, value),
      delete: async (name) => items.delete(name),
    },
    outbox: new OutboxStore(path.join(dir, 'outbox')),
    env: {},
  });
  return { channels, items, config };
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return say((error as ConfigError).said);
};

describe('adding, changing and removing a channel', () => {
  it('keeps the secret in the keychain and the rest in the config; an edit keeps the secret unless given one', async () => {
    const { channels, items, config } = await admin();
    const team = Channel.parse({ id: 'team', type: 'slack' });
    await channels.add(team, 'https://hooks.slack.com/services/T/B/first');
    expect(items.get('channel:team')).toBe('https://hooks.slack.com/services/T/B/first');
    expect(readFileSync(config.file, 'utf8')).not.toContain('hooks.slack.com');
    await channels.update({ ...team, minLevel: 'critical' }, '');
    expect(config.channels).toEqual([{ id: 'team', type: 'slack', minLevel: 'critical' }]);
    expect(items.get('channel:team')).toBe('https://hooks.slack.com/services/T/B/first');
    await channels.update(team, 'https://hooks.slack.com/services/T/B/second');
    expect(items.get('channel:team')).toBe('https://hooks.slack.com/services/T/B/second');
    await channels.remove('team');
    expect([...items.keys()]).toEqual([]);
    expect(config.channels).toEqual([]);
  });

  it('refuses a type change, a secret of the wrong shape and a channel that is not there, changing nothing', async () => {
    const { channels, items, config } = await admin();
    await channels.add(
      Channel.parse({ id: 'tg', type: 'telegram', chatId: '42' }),
      '123456:ABCdefGHIjklMNOpqrsTUVwxyz',
    );
    const before = readFileSync(config.file, 'utf8');
    expect(await refusal(channels.update(Channel.parse({ id: 'tg', type: 'slack' }), ''))).toMatch(
      /keeps its type/,
    );
    expect(
      await refusal(channels.update(Channel.parse({ id: 'tg', type: 'telegram', chatId: '42' }), 'nope')),
    ).toMatch(/bot token should look like/);
    expect(await refusal(channels.update(Channel.parse({ id: 'nobody', type: 'slack' }), ''))).toMatch(
      /No alert channel "nobody"/,
    );
    expect(readFileSync(config.file, 'utf8')).toBe(before);
    expect(items.get('channel:tg')).toBe('123456:ABCdefGHIjklMNOpqrsTUVwxyz');
  });
});

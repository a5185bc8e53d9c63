import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../main/core/providers/http';
import { CreditbarCore } from '../../../main/core/runtime/creditbar-core';
import { openStores } from '../../../main/core/store/open-stores';
import type { OutboxEntry } from '../../../main/core/store/outbox-store';
import { resolvePaths } from '../../../main/core/store/paths';
import { createKeytarStore } from '../../../main/core/store/secrets';
import { FakeServer } from '../../fakes/fake-server';
import { type FakeProvider, startHappenstance } from '../../fakes/providers';
import { FakeClock } from '../../support/fake-clock';
import { TEST_KEYCHAIN_SERVICE } from '../../support/keychain';

let receiver: FakeServer;
let hs: FakeProvider;

beforeAll(async () => {
  receiver = await FakeServer.start(() => ({ status: 204, text: '' }));
  hs = await startHappenstance();
});
afterAll(async () => {
  await receiver.close();
  await hs.close();
});

/** The core the desktop app runs (and watch and serve): an alert it raises reaches the channels that hear it. */
describe('the desktop core delivers its alerts to channels', () => {
  it('a low balance goes to the channel for that account, in the channel’s language, and nowhere else', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-core-channels-'));
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({
        version: 2,
        accounts: [{ ...hs.account('research'), alerts: { warnBelow: 5000 } }],
        channels: [
          { id: 'ops', type: 'discord', language: 'zh' },
          { id: 'other', type: 'discord', accounts: ['someone-else'] },
        ],
      }),
    );
    const clock = new FakeClock(Date.parse('2026-12-07T12:00:00Z'));
    const core = await CreditbarCore.open({
      stores: await openStores(resolvePaths({ dataDir }, {}, 'linux', '/nowhere'), () =>
        clock.wall().getTime(),
      ),
      keychain: createKeytarStore(TEST_KEYCHAIN_SERVICE),
      env: {
        CREDITBAR_KEY_RESEARCH: hs.key,
        CREDITBAR_CHANNEL_OPS: `${receiver.url}/api/webhooks/ops/token`,
        CREDITBAR_CHANNEL_OTHER: `${receiver.url}/api/webhooks/other/token`,
      },
      http: createHttpClient({ deadlineMs: 2000, now: () => clock.wall() }),
      clock,
      random: () => 0,
      language: () => 'en',
    });
    const failed: OutboxEntry[] = [];
    core.subscribe({ channelFailed: (entry) => failed.push(entry) });
    try {
      await core.start();
      await core.settled();
      await clock.advance(10_000, () => core.settled());
      await core.settled();
      const sent = receiver.requests.filter((r) => r.path.startsWith('/api/webhooks/'));
      expect(sent.map((r) => r.path)).toEqual(['/api/webhooks/ops/token']);
      const embed = JSON.parse(sent[0]?.body ?? '{}').embeds[0];
      // Chinese, as the channel asks, while the app speaks English.
      expect(embed.title).toMatch(/[\u4e00-\u9fff]/);
      expect(embed.color).toBe(0xf29900);
      expect(failed).toEqual([]);
    } finally {
      await core.stop();
    }
  });
});

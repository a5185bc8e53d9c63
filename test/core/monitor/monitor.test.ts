import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Forecast } from '../../../main/core/alerts/forecast';
import { Monitor, type MonitorEvents } from '../../../main/core/monitor/monitor';
import type { AccountResult } from '../../../main/core/monitor/refresh-account';
import { createHttpClient } from '../../../main/core/providers/http';
import { createSnapshotCache } from '../../../main/core/store/cache';
import { HistoryStore } from '../../../main/core/store/history';
import { LedgerStore } from '../../../main/core/store/ledger-store';
import { startOpenAi } from '../../../providers/openai/fake';
import type { Account } from '../../../shared/config';
import { type FakeProvider, startGenerect, startHappenstance } from '../../fakes/providers';
import { FakeClock } from '../../support/fake-clock';

const WALL = Date.parse('2026-11-22T12:00:00Z');
const S = 1000;
const MIN = 60 * S;

interface Seen {
  at: number;
  result: AccountResult;
  forecast: Forecast | null;
}

let fakes: FakeProvider[] = [];
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-monitor-'));
});
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

async function setup(
  accounts: Account[],
  keys: Record<string, string>,
  options: { deadlineMs?: number } = {},
) {
  const clock = new FakeClock(WALL);
  const seen: Seen[] = [];
  const events: MonitorEvents = {
    result: (result, outlook) => {
      seen.push({ at: clock.monotonic(), result, forecast: outlook?.forecast ?? null });
    },
  };
  const deps = {
    http: createHttpClient({ deadlineMs: options.deadlineMs ?? 2000, now: () => clock.wall() }),
    secrets: async (id: string) => keys[id] ?? '',
    cache: createSnapshotCache(path.join(dataDir, 'cache')),
    history: new HistoryStore(path.join(dataDir, 'history'), () => clock.wall().getTime()),
    clock,
    random: () => 0,
    ledger: new LedgerStore(path.join(dataDir, 'ledger.json')),
  };
  const monitor = new Monitor(accounts, deps, events);
  const advance = (ms: number) => clock.advance(ms, () => monitor.settled());
  return { clock, monitor, seen, advance, deps };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

describe('monitor', () => {
  it('backs off exponentially through a 503 burst, then returns to its cadence', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const { monitor, seen, advance } = await setup([{ ...hs.account(), pollSeconds: 60, adaptive: false }], {
      happenstance: hs.key,
    });
    const down = hs.errorReply(503, 'Service Unavailable');
    hs.server.fail(...Array.from({ length: 4 }, () => ({ type: 'reply' as const, reply: down })));
    await monitor.start();
    await advance(20 * MIN);
    await monitor.stop();
    const kinds = seen.map((s) => s.result.error?.kind ?? 'ok');
    expect(kinds.slice(0, 6)).toEqual(['server', 'server', 'server', 'server', 'ok', 'ok']);
    // 30 s, 60 s, 120 s, 240 s of backoff, then the normal 60 s cadence (less 10 % jitter at random = 0).
    expect(gaps(seen.map((s) => s.at)).slice(0, 5)).toEqual([30 * S, 60 * S, 120 * S, 240 * S, 54 * S]);
    expect(hs.server.requests).toHaveLength(seen.length);
  });

  it('sends nothing while a Retry-After runs, and uses the larger of it and the backoff', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const { monitor, seen, advance } = await setup([{ ...hs.account(), pollSeconds: 10, adaptive: false }], {
      happenstance: hs.key,
    });
    hs.server.fail({ type: 'reply', reply: hs.errorReply(429, 'slow down', { 'retry-after': '90' }) });
    await monitor.start();
    await advance(10 * MIN);
    await monitor.stop();
    expect(seen[0]?.result.error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 90 });
    expect(gaps(seen.map((s) => s.at))[0]).toBe(90 * S);
    expect(seen[1]?.result.error).toBeNull();
  });

  it('makes no request while offline, then one per account spread over a few seconds', async () => {
    const hs = await startHappenstance();
    const gen = await startGenerect();
    fakes.push(hs, gen);
    const accounts = [hs.account('a'), hs.account('b'), gen.account('c')];
    const { monitor, seen, advance } = await setup(accounts, { a: hs.key, b: hs.key, c: gen.key });
    await monitor.start();
    await advance(6 * S);
    expect(seen).toHaveLength(3);
    monitor.pause('offline');
    const requestsBefore = hs.server.requests.length + gen.server.requests.length;
    await advance(3 * 60 * MIN);
    expect(hs.server.requests.length + gen.server.requests.length).toBe(requestsBefore);
    const resumedAt = seen.length;
    monitor.resume('offline');
    await advance(5 * S);
    const after = seen.slice(resumedAt);
    expect(after.map((s) => s.result.account.id).sort()).toEqual(['a', 'b', 'c']);
    const times = after.map((s) => s.at);
    expect(new Set(times).size).toBe(3);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(5 * S);
    await monitor.stop();
  });

  it('pauses for suspend and resumes only when every reason is gone', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const { monitor, seen, advance } = await setup([hs.account()], { happenstance: hs.key });
    await monitor.start();
    await advance(6 * S);
    monitor.pause('suspend');
    monitor.pause('offline');
    monitor.resume('suspend');
    await advance(60 * MIN);
    expect(seen).toHaveLength(1);
    monitor.resume('offline');
    await advance(6 * S);
    expect(seen).toHaveLength(2);
    await monitor.stop();
  });

  it('a manual refresh joins the poll already in flight', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const { monitor, seen } = await setup([hs.account()], { happenstance: hs.key });
    await monitor.start();
    await Promise.all([monitor.refresh(), monitor.refresh('happenstance'), monitor.refresh()]);
    expect(hs.server.requests).toHaveLength(1);
    expect(seen).toHaveLength(1);
    await monitor.stop();
  });

  it('a rejected key stops polling until the key changes', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const { monitor, seen, advance } = await setup([hs.account()], { happenstance: 'wrong-key-1234' });
    await monitor.start();
    await advance(24 * 60 * MIN);
    expect(seen.map((s) => s.result.error?.kind)).toEqual(['auth']);
    monitor.keyChanged('happenstance');
    await advance(S);
    expect(seen).toHaveLength(2);
    await monitor.stop();
  });

  it('drops a result that a config change superseded while it was in flight', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const account = hs.account();
    const { monitor, seen, advance } = await setup([account], { happenstance: hs.key }, { deadlineMs: 300 });
    hs.server.fail({ type: 'hang' });
    await monitor.start();
    const advancing = advance(6 * S);
    // The request is in flight (held by the fake) when the config changes.
    await expect.poll(() => hs.server.requests.length).toBe(1);
    monitor.setAccounts([{ ...account, label: 'Renamed' }]);
    await advancing;
    await advance(6 * S);
    await monitor.stop();
    expect(seen.map((s) => s.result.account.label)).toEqual(['Renamed']);
    expect(seen[0]?.result.error).toBeNull();
  });

  it('reports last-known values, stale, when the provider goes away', async () => {
    const hs = await startHappenstance();
    fakes.push(hs);
    const { monitor, seen, advance } = await setup([{ ...hs.account(), pollSeconds: 60 }], {
      happenstance: hs.key,
    });
    await monitor.start();
    await advance(10 * S);
    await hs.close();
    await advance(2 * MIN);
    await monitor.stop();
    const lastSeen = seen[seen.length - 1]?.result;
    expect(lastSeen?.stale).toBe(true);
    expect(lastSeen?.error?.kind).toBe('network');
    expect(lastSeen?.snapshot?.remaining).toBe(1840);
  });

  it('fresh when looked at: values older than a minute are asked for once; Retry-After and a pause still rule', async () => {
    const hs = await startHappenstance();
    const gen = await startGenerect();
    fakes.push(hs, gen);
    const { monitor, advance } = await setup(
      [
        { ...hs.account(), pollSeconds: 600, adaptive: false },
        { ...gen.account(), pollSeconds: 600, adaptive: false },
      ],
      { happenstance: hs.key, generect: gen.key },
    );
    gen.server.fail({
      type: 'reply',
      path: '/api/v1/accounts/me/',
      reply: gen.errorReply(429, 'slow down', { 'retry-after': '900' }),
    });
    await monitor.start();
    await advance(10 * S);
    const asked = () => [hs.server.requests.length, gen.server.requests.length];
    const first = asked();
    expect(first[0]).toBe(1);
    const next = monitor.nextCheck(hs.account().id);
    expect(next?.why).toBe('steady');
    // Its 10 min interval less the jitter (random is 0 here: -10 %), after the start spread of a few seconds.
    expect(Date.parse(next?.at ?? '') - WALL).toBeGreaterThanOrEqual(9 * MIN);
    expect(Date.parse(next?.at ?? '') - WALL).toBeLessThan(12 * MIN);
    expect(monitor.nextCheck(gen.account().id)?.why).toBe('rate-limited');

    // Thirty seconds old: nothing to ask.
    await advance(20 * S);
    await monitor.lookedAt();
    expect(asked()).toEqual(first);

    // Two minutes old: asked once, even when the popover opens twice at once; the rate-limited one waits.
    await advance(90 * S);
    await Promise.all([monitor.lookedAt(), monitor.lookedAt()]);
    expect(asked()).toEqual([(first[0] as number) + 1, first[1]]);

    // Paused (offline): a look asks nothing.
    await advance(2 * MIN);
    monitor.pause('offline');
    await monitor.lookedAt();
    expect(asked()).toEqual([(first[0] as number) + 1, first[1]]);
    expect(monitor.nextCheck(hs.account().id)).toBeNull();
    await monitor.stop();
  });

  it('a cost report is never asked more often than its floor (half an hour), even while learning', async () => {
    const hs = await startHappenstance();
    const oa = await startOpenAi();
    fakes.push(hs, oa);
    const { monitor, advance, deps } = await setup([hs.account(), oa.account()], {
      happenstance: hs.key,
      openai: oa.key,
    });
    // With a balance stated there is an estimate, and so a balance to learn the pace of.
    oa.setNow(new Date(WALL));
    await deps.ledger.add(oa.account().id, {
      kind: 'balance',
      amount: '50',
      at: '2026-11-20T00:00:00Z',
      recordedAt: '2026-11-20T00:00:00Z',
    });
    await monitor.start();
    await advance(10 * S);
    const wait = (id: string) => Date.parse(monitor.nextCheck(id)?.at ?? '') - WALL;
    // No history yet: a balance is asked again in a quarter hour to learn its pace; the cost report waits 30 min.
    expect(wait(hs.account().id)).toBeLessThan(20 * MIN);
    expect(wait(oa.account().id)).toBeGreaterThanOrEqual(27 * MIN);
    await monitor.stop();
  });
});

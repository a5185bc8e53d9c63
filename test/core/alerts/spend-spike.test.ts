import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../../../main/core/alerts/alert-engine';
import { spendByDay, spendSpike } from '../../../main/core/alerts/spend-spike';
import { AlertService } from '../../../main/core/runtime/alert-service';
import { AlertStateStore } from '../../../main/core/store/alert-state-store';
import type { Account } from '../../../shared/config';
import type { Snapshot } from '../../../shared/model';
import { say } from '../../support/english';
import { FakeClock } from '../../support/fake-clock';

const NOW = Date.parse('2026-12-20T15:00:00Z');
const DAY = 86_400_000;
const day = (offset: number) => new Date(NOW - offset * DAY).toISOString().slice(0, 10);

/** Two weeks of usual days (1 to 2.3), then today. */
function days(today: number, known = 14): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 1; i <= known; i++) map.set(day(i), 1 + (i % 14) / 10);
  map.set(day(0), today);
  return map;
}

describe('a spend spike: a day over three times the median of the two weeks before', () => {
  it('past three times the usual day is a spike; just under it is not', () => {
    // The median of 1.1 … 2.3 and 1.0 is 1.65.
    const spike = spendSpike(days(5), NOW);
    expect(spike?.spent).toBe(5);
    expect(spike?.median).toBeCloseTo(1.65, 9);
    expect(spendSpike(days(4.9), NOW)).toBeNull();
  });

  it('needs a week of days before it to know what usual is, and a usual day that spends', () => {
    expect(spendSpike(days(50, 6), NOW)).toBeNull();
    expect(spendSpike(new Map([...days(0, 14)].map(([d]) => [d, d === day(0) ? 9 : 0])), NOW)).toBeNull();
  });

  it("reads a cost report's days as they are, else the balance's falls per UTC day (a top-up spends nothing)", () => {
    expect(spendByDay([], [{ day: '2026-12-20', amount: '4.5' }])).toEqual(new Map([['2026-12-20', 4.5]]));
    const points = [
      { t: NOW - DAY, remaining: 100, used: null, maxPercent: null },
      { t: NOW - DAY + 3_600_000, remaining: 90, used: null, maxPercent: null },
      { t: NOW - 3_600_000, remaining: 500, used: null, maxPercent: null },
      { t: NOW, remaining: 440, used: null, maxPercent: null },
    ];
    expect(spendByDay(points)).toEqual(
      new Map([
        [day(1), 10],
        [day(0), 60],
      ]),
    );
  });

  it('is said once a UTC day, with what was spent and what is usual', () => {
    const account: Account = { id: 'oa', provider: 'openai', label: 'OpenAI' };
    const snapshot: Snapshot = {
      remaining: 40,
      unit: 'USD',
      quotas: [],
      usedThisPeriod: null,
      usage: [],
      fetchedAt: new Date(NOW).toISOString(),
      extras: {},
    };
    const input = {
      account,
      snapshot,
      error: null,
      daysLeft: null,
      burnPerDay: null,
      spike: { spent: 12.5, median: 2 },
      now: new Date(NOW),
    };
    const first = evaluateAccount(undefined, input);
    expect(first.intents.map((i) => [i.kind, say(i.title), say(i.body)])).toEqual([
      [
        'spend_spike',
        'OpenAI: spending spiked today',
        "$12.50 spent today (UTC), against a usual day's $2.00.",
      ],
    ]);
    expect(evaluateAccount(first.state, input).intents).toEqual([]);
    const tomorrow = evaluateAccount(first.state, { ...input, now: new Date(NOW + DAY) });
    expect(tomorrow.intents.map((i) => i.kind)).toEqual(['spend_spike']);
  });
});

describe('spend spikes reach a person only when Settings asks for them', () => {
  it.each([
    [undefined, []],
    [true, ['spend_spike']],
  ])('spendSpikes %s → %j', async (spendSpikes, expected) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-spike-'));
    const heard: string[] = [];
    const service = new AlertService(
      {
        store: new AlertStateStore(path.join(dir, 'alert-state.json')),
        clock: new FakeClock(NOW),
        settings: () => (spendSpikes === undefined ? {} : { spendSpikes }),
        owner: () => true,
      },
      { alert: (intent) => heard.push(intent.kind) },
    );
    await service.start();
    const account: Account = { id: 'hs', provider: 'happenstance', label: 'HS' };
    const snapshot: Snapshot = {
      remaining: 400,
      unit: 'credits',
      quotas: [],
      usedThisPeriod: null,
      usage: [],
      fetchedAt: new Date(NOW).toISOString(),
      extras: {},
    };
    const forecast = { burnPerDay: null, daysLeft: null, emptyAt: null, quotaPercentAtEnd: null };
    await service.evaluate(
      account,
      { account, snapshot, stale: false, error: null },
      {
        forecast,
        msToNextCrossing: null,
        msSinceChange: null,
        risks: [],
        spike: { spent: 90, median: 10 },
      },
    );
    expect(heard).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { levelOf } from '../../main/core/alerts/level';
import type { Snapshot } from '../../shared/model';
import { isJudged } from '../../shared/thresholds';

const balance = (remaining: number | null): Snapshot => ({
  remaining,
  unit: 'USD',
  quotas: [],
  usedThisPeriod: null,
  usage: [],
  fetchedAt: '2026-12-06T12:00:00.000Z',
  extras: {},
});

describe('runway-first levels for a balance with none of its own', () => {
  it('a $0.05 balance burning $1 a day is critical, never green', () => {
    const level = levelOf(balance(0.05), null, {}, true, { daysLeft: 0.05, quotaPercentAtEnd: null });
    expect(level).toBe('critical');
    expect(isJudged({ level, quotas: [], remaining: 0.05, daysLeft: 0.05 })).toBe(true);
  });

  it('until there is history enough to forecast, it is not judged: neutral, not ok', () => {
    const level = levelOf(balance(0.05), null, {}, true, { daysLeft: null, quotaPercentAtEnd: null });
    expect(level).toBe('ok');
    expect(isJudged({ level, quotas: [], remaining: 0.05, daysLeft: null })).toBe(false);
  });

  it('a level of the person’s own judges it, with or without a runway', () => {
    expect(
      isJudged({ level: 'ok', quotas: [], remaining: 50, alerts: { warnBelow: 10 }, daysLeft: null }),
    ).toBe(true);
  });

  it('a quota is always judged (its percent levels apply); no figure at all is not', () => {
    expect(isJudged({ level: 'ok', quotas: [{}], remaining: null, daysLeft: null })).toBe(true);
    expect(isJudged({ level: 'ok', quotas: [], remaining: null, daysLeft: null })).toBe(false);
  });
});

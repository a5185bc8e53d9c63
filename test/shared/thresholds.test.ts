import { describe, expect, it } from 'vitest';
import { levelOf } from '../../main/core/alerts/level';
import { effectiveAccount } from '../../shared/config';
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

describe('the runway’s days, as Settings or an account set them', () => {
  const at = (daysLeft: number, alerts = {}) =>
    levelOf(balance(50), null, alerts, true, { daysLeft, quotaPercentAtEnd: null });

  it('a week and two days by default; the person’s own days when set', () => {
    expect([at(8), at(6), at(1.5)]).toEqual(['ok', 'warning', 'critical']);
    expect([at(13, { warnDays: 14, criticalDays: 5 }), at(4, { warnDays: 14, criticalDays: 5 })]).toEqual([
      'warning',
      'critical',
    ]);
  });

  it('Settings’ days reach an account with levels of its own (its percents), never over its own days', () => {
    const settings = { defaultAlerts: { warnPercent: 70, warnDays: 10 } };
    const own = { id: 'a', provider: 'happenstance', label: 'A', alerts: { warnPercent: 90 } } as const;
    expect(effectiveAccount(own, settings).alerts).toEqual({ warnDays: 10, warnPercent: 90 });
    const ownDays = { ...own, alerts: { warnDays: 3 } };
    expect(effectiveAccount(ownDays, settings).alerts).toEqual({ warnDays: 3 });
    expect(effectiveAccount({ ...own, alerts: undefined }, settings).alerts).toEqual(settings.defaultAlerts);
  });
});

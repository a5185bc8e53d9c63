import { describe, expect, it } from 'vitest';
import {
  dailyConsumption,
  daysLeftText,
  headline,
  nextCheckText,
  seriesSummary,
  summaryLine,
} from '../../renderer/src/view-model';
import { agoText } from '../../shared/format';
import { account } from './fixed-bridge';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');

describe('view model', () => {
  it('daily consumption counts decreases only, per UTC day', () => {
    const points = [
      { t: T0 + 1000, remaining: 100, maxPercent: null },
      { t: T0 + 6 * 3_600_000, remaining: 80, maxPercent: null },
      { t: T0 + 20 * 3_600_000, remaining: 75, maxPercent: null },
      { t: T0 + DAY + 1000, remaining: 500, maxPercent: null },
      { t: T0 + DAY + 5000, remaining: 470, maxPercent: null },
    ];
    expect(dailyConsumption(points)).toEqual([
      { day: T0, used: 25 },
      { day: T0 + DAY, used: 30 },
    ]);
  });

  it.each([
    [{ burnPerDay: 340, daysLeft: 12.4, emptyAt: null, quotaPercentAtEnd: null }, 'about 12 days at 340/day'],
    [
      { burnPerDay: 340, daysLeft: 0.4, emptyAt: null, quotaPercentAtEnd: null },
      'less than a day at 340/day',
    ],
    [{ burnPerDay: 0, daysLeft: null, emptyAt: null, quotaPercentAtEnd: null }, 'not spending'],
    [null, null],
  ])('days left for %j is %j', (forecast, text) => {
    expect(daysLeftText(account({ forecast }))).toBe(text);
  });

  it('headline, summary, age and chart summary in plain words', () => {
    expect(headline(account({ remaining: 1840 }), 'full')).toEqual({ value: '1,840', caption: 'credits' });
    expect(headline(account({ remaining: 1840 }), 'compact')).toEqual({ value: '1.8K', caption: 'credits' });
    expect(headline(account({ remaining: null, quotas: [] }), 'full')).toEqual({
      value: '—',
      caption: 'no data yet',
    });
    expect(summaryLine([account({}), account({ level: 'warning' })])).toBe('1 of 2 needs attention');
    expect(summaryLine([account({}), account({})])).toBe('All 2 accounts are fine');
    expect(agoText('2026-11-22T10:00:00Z', Date.parse('2026-11-22T12:30:00Z'))).toBe('2 h ago');
    expect(
      seriesSummary(
        [
          { t: 1, remaining: 10, maxPercent: null },
          { t: 2, remaining: 4, maxPercent: null },
        ],
        'credits',
      ),
    ).toBe('From 10 to 4 credits; lowest 4, highest 10.');
  });
});

describe('the next check, in plain words', () => {
  it('says when and why, and nothing when none is scheduled', () => {
    const at = '2026-11-22T14:20:00.000Z';
    const local = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    expect(nextCheckText(account({ nextCheck: { at, why: 'steady' } }))).toBe(
      `Next check ${local}, far from your levels.`,
    );
    expect(nextCheckText(account({ nextCheck: { at, why: 'near-level' } }))).toBe(
      `Next check ${local}, close to one of your levels, so sooner.`,
    );
    expect(nextCheckText(account({}))).toBeNull();
  });
});

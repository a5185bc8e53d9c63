import { describe, expect, it } from 'vitest';
import {
  amountFromInput,
  chartLevels,
  dailyConsumption,
  daysLeftText,
  forecastLine,
  isWeekend,
  laterText,
  nextCheckText,
  seenTopUps,
  seriesSummary,
  snoozedText,
  snoozeUntil,
  summaryLine,
  topUpTimes,
} from '../../renderer/src/view-model';
import { english } from '../support/english';

const { agoText, headline } = english;

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
    expect(daysLeftText(english, account({ forecast }))).toBe(text);
  });

  it('the headline: the balance as set (full or compact), else that there is no data yet', () => {
    expect(headline(account({ remaining: 1840 }), 'full')).toEqual({ value: '1,840', caption: 'credits' });
    expect(headline(account({ remaining: 1840 }), 'compact')).toEqual({ value: '1.8K', caption: 'credits' });
    expect(headline(account({ remaining: null, quotas: [] }), 'full')).toEqual({
      value: '—',
      caption: 'no data yet',
    });
  });

  it('the summary counts the accounts that need attention', () => {
    expect(summaryLine(english, [account({}), account({ level: 'warning' })])).toBe('1 of 2 needs attention');
    expect(summaryLine(english, [account({}), account({})])).toBe('All 2 accounts are fine');
  });

  it('an age reads as relative time', () => {
    expect(agoText('2026-11-22T10:00:00Z', Date.parse('2026-11-22T12:30:00Z'))).toBe('2 hr ago');
  });

  it('the chart summary says where the balance went, for screen readers', () => {
    expect(
      seriesSummary(
        english,
        [
          { t: 1, remaining: 10, maxPercent: null },
          { t: 2, remaining: 4, maxPercent: null },
        ],
        'credits',
      ),
    ).toBe('From 10 to 4 credits, falling; lowest 4, highest 10.');
  });
});

describe('the next check, in plain words', () => {
  it('says when and why, and nothing when none is scheduled', () => {
    const at = '2026-11-22T14:20:00.000Z';
    const local = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    expect(nextCheckText(english, account({ nextCheck: { at, why: 'steady' } }))).toBe(
      `Next check ${local}, far from your levels.`,
    );
    expect(nextCheckText(english, account({ nextCheck: { at, why: 'near-level' } }))).toBe(
      `Next check ${local}, close to one of your levels, so sooner.`,
    );
    expect(nextCheckText(english, account({}))).toBeNull();
  });
});

const p = (t: number, remaining: number | null, maxPercent: number | null = null) => ({
  t,
  remaining,
  maxPercent,
});

describe('what the history chart draws', () => {
  it.each([
    [
      'falling',
      [p(1, 10), p(2, 4)],
      9,
      'From 10 to 4 credits, falling; lowest 4, highest 10. Left at this pace: about 9 days.',
    ],
    ['rising', [p(1, 4), p(2, 10)], null, 'From 4 to 10 credits, rising; lowest 4, highest 10.'],
    [
      'flat within 1 % of its range',
      [p(1, 1000), p(2, 0), p(3, 1005)],
      undefined,
      'From 1,000 to 1,005 credits, flat; lowest 0, highest 1,005.',
    ],
  ])('a %s series is summed up in words', (_name, points, daysLeft, text) => {
    expect(seriesSummary(english, points, 'credits', daysLeft)).toBe(text);
  });

  it('draws the balance levels the person set, and empty at zero; a quota its percent levels or the defaults', () => {
    expect(chartLevels(english, account({ alerts: { warnBelow: 500, criticalBelow: 100 } }), false)).toEqual([
      { value: 500, level: 'warning', label: 'warning 500' },
      { value: 100, level: 'critical', label: 'critical 100' },
      { value: 0, level: 'empty', label: 'empty' },
    ]);
    expect(chartLevels(english, account({ alerts: {} }), false)).toEqual([
      { value: 0, level: 'empty', label: 'empty' },
    ]);
    expect(chartLevels(english, account({ alerts: { warnPercent: 70 } }), true)).toEqual([
      { value: 70, level: 'warning', label: 'warning 70%' },
      { value: 95, level: 'critical', label: 'critical 95%' },
    ]);
  });

  it('marks a top-up where the balance went up (across a gap too), not where it went down or had no value', () => {
    expect(topUpTimes([p(1, 100), p(2, 90), p(3, 500), p(4, null), p(5, 600), p(6, 480)])).toEqual([3, 5]);
  });

  it.each([
    ['inside the horizon: down to zero on the empty date', 10 * DAY, { t: 5 * DAY, v: 0 }],
    ['past the horizon: cut there, at the balance the pace gives', 3 * DAY, { t: 3 * DAY, v: 500 }],
  ])('the forecast line, %s', (_name, horizon, to) => {
    const acct = account({
      forecast: {
        burnPerDay: 250,
        daysLeft: 4,
        emptyAt: new Date(5 * DAY).toISOString(),
        quotaPercentAtEnd: null,
      },
    });
    expect(forecastLine(acct, [p(0, 1500), p(DAY, 1000)], horizon)).toEqual({
      from: { t: DAY, v: 1000 },
      to,
    });
  });

  it('draws no forecast without an empty date, or one before the last point', () => {
    const none = account({
      forecast: { burnPerDay: 0, daysLeft: null, emptyAt: null, quotaPercentAtEnd: null },
    });
    expect(forecastLine(none, [p(DAY, 1000)], 10 * DAY)).toBeNull();
    const past = account({
      forecast: { burnPerDay: 1, daysLeft: 0, emptyAt: new Date(0).toISOString(), quotaPercentAtEnd: null },
    });
    expect(forecastLine(past, [p(DAY, 1000)], 10 * DAY)).toBeNull();
  });

  it.each([
    ['2026-11-21', true],
    ['2026-11-22', true],
    ['2026-11-23', false],
    ['2026-11-27', false],
  ])('%s is a weekend day: %s', (day, weekend) => {
    expect(isWeekend(Date.parse(`${day}T00:00:00Z`))).toBe(weekend);
  });
});

describe('snooze', () => {
  const now = new Date(2026, 10, 22, 14, 5).getTime();
  it.each([
    ['1h', new Date(2026, 10, 22, 15, 5).getTime()],
    ['8h', new Date(2026, 10, 22, 22, 5).getTime()],
    ['tomorrow', new Date(2026, 10, 23, 8, 0).getTime()],
  ] as const)('%s ends at the right local time', (choice, until) => {
    expect(snoozeUntil(choice, now)).toBe(until);
  });

  it('says until when on the row: a time today, a weekday and time after; nothing once it has passed', () => {
    const at = (ms: number) => account({ snoozedUntil: new Date(ms).toISOString() });
    expect(snoozedText(english, at(new Date(2026, 10, 22, 15, 5).getTime()), now)).toBe(
      'snoozed until 15:05',
    );
    expect(snoozedText(english, at(new Date(2026, 10, 23, 8, 0).getTime()), now)).toBe(
      'snoozed until Mon 08:00',
    );
    expect(snoozedText(english, at(now - 1), now)).toBeNull();
    expect(snoozedText(english, account({ snoozedUntil: null }), now)).toBeNull();
    // The notice after snoozing says the same: tomorrow names the day.
    expect(laterText(english, new Date(2026, 10, 23, 8, 0).getTime(), now)).toBe('Mon 08:00');
    expect(laterText(english, new Date(2026, 10, 22, 23, 59).getTime(), now)).toBe('23:59');
  });
});

describe('an amount as a person types it into the ledger form', () => {
  it.each([
    ['87.66', '.', ',', '87.66'],
    ['1,234.50', '.', ',', '1234.50'],
    [' $87.66 ', '.', ',', '87.66'],
    ['87,66', ',', '.', '87.66'],
    ['1.234,56', ',', '.', '1234.56'],
    ['87.66', ',', '.', '87.66'],
    ['87,66 €', ',', '.', '87.66'],
    ['1,234', '.', ',', null],
    ['87 Dollar', '.', ',', null],
    ['-5', '.', ',', null],
    ['', '.', ',', null],
  ])('%s (decimal %s, group %s) → %s', (typed, decimal, group, expected) => {
    expect(amountFromInput(typed, decimal, group)).toBe(expected);
  });
});

describe('the top-ups a detail lists', () => {
  const day = 86_400_000;
  const readings = [1200, 1000, 3000, 2800].map((remaining, i) => ({
    t: i * day,
    remaining,
    maxPercent: null,
  }));
  it('told from the readings when the provider lists none, with what each took in', () => {
    expect(seenTopUps(readings, undefined, false)).toEqual([{ t: 2 * day, amount: 2000, after: 3000 }]);
  });
  it('none when the provider lists its own purchases, or for a quota', () => {
    expect(seenTopUps(readings, [{ at: 'x', credits: 2000 }], false)).toEqual([]);
    expect(seenTopUps(readings, undefined, true)).toEqual([]);
  });
});

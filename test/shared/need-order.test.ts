import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BadgeAccount, badgeModel } from '../../main/core/present/badge-model';
import type { Level } from '../../shared/model';
import { byNeed } from '../../shared/need-order';
import { english } from '../support/english';
import { asIs } from '../support/said';

const base = { quotas: [], unit: 'credits', stale: false, error: null } as const;
const account = (id: string, level: Level, remaining: number | null, extra: Partial<BadgeAccount> = {}) =>
  ({ ...base, id, label: id, level, remaining, ...extra }) as BadgeAccount;

describe('most in need first', () => {
  it('worse level first; within it a failing poll, then prepaid before quota, the lowest balance, then the label', () => {
    const quota = account('quota', 'warning', null, {
      quotas: [{ metric: 'm', name: 'M', used: 90, included: 100, unit: 'calls', percentUsed: 90 }],
    });
    const order = byNeed([
      account('ok-b', 'ok', 50),
      account('ok-a', 'ok', 50),
      account('warn-rich', 'warning', 900),
      quota,
      account('warn-poor', 'warning', 100),
      account('failing-ok', 'ok', 500, { error: { kind: 'network', message: asIs('down') } }),
      account('empty', 'empty', 0),
      account('warn-failing', 'warning', 950, { error: { kind: 'server', message: asIs('500') } }),
    ]).map((a) => a.id);
    expect(order).toEqual([
      'empty',
      'warn-failing',
      'warn-poor',
      'warn-rich',
      'quota',
      // An ok whose poll failed has no current value: it ranks as unknown, above the quiet ones.
      'failing-ok',
      'ok-a',
      'ok-b',
    ]);
  });

  it('within a level, the account that runs out sooner comes first, whatever its unit', () => {
    const order = byNeed([
      { ...account('chars', 'ok', 1_000_000, { unit: 'characters' }), forecast: { daysLeft: 40 } },
      { ...account('usd', 'ok', 12, { unit: 'USD' }), forecast: { daysLeft: 90 } },
      { ...account('no-pace', 'ok', 5) },
      { ...account('credits', 'ok', 900), forecast: { daysLeft: 3 } },
    ]).map((a) => a.id);
    expect(order).toEqual(['credits', 'chars', 'usd', 'no-pace']);
  });

  it('the tray’s number speaks for the popover’s first row, whatever the accounts', () => {
    const level = fc.constantFrom<Level>('ok', 'unknown', 'warning', 'critical', 'empty');
    const one = fc.record({
      level,
      daysLeft: fc.option(fc.double({ min: 0, max: 400, noNaN: true })),
      remaining: fc.option(fc.integer({ min: -5, max: 2000 })),
      stale: fc.boolean(),
      failing: fc.boolean(),
      percent: fc.integer({ min: 0, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(one, { minLength: 1, maxLength: 8 }), (specs) => {
        const accounts = specs.map((s, i) => ({
          ...account(`a${i}`, s.level, s.remaining, {
            stale: s.stale,
            error: s.failing ? { kind: 'network', message: asIs('down') } : null,
            quotas:
              s.remaining === null
                ? [
                    {
                      metric: 'm',
                      name: 'M',
                      used: s.percent,
                      included: 100,
                      unit: 'calls',
                      percentUsed: s.percent,
                    },
                  ]
                : [],
          }),
          // The tray is handed the popover's accounts, forecast and all.
          forecast: s.daysLeft === null ? null : { daysLeft: s.daysLeft },
        }));
        expect(badgeModel(english, accounts).accountId).toBe(byNeed(accounts)[0]?.id);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { costFetchFrom, costsNeededFrom, mergeCostDays } from '../../../main/core/ledger/cost-window';
import { estimateBalance, restateReason, spendSoFar } from '../../../main/core/ledger/estimate';
import { decimalOf } from '../../../main/core/ledger/money';
import type { CostDay, LedgerEntry } from '../../../shared/ledger';

let n = 0;
function entry(
  kind: LedgerEntry['kind'],
  amount: string,
  at: string,
  extra: Partial<LedgerEntry> = {},
): LedgerEntry {
  n++;
  return { id: `e${String(n).padStart(5, '0')}`, kind, amount, at, recordedAt: at, ...extra };
}
const days = (list: [string, string][]): CostDay[] => list.map(([day, amount]) => ({ day, amount }));
const text = (v: { toFixed(): string } | undefined) => v?.toFixed();

/** Three days of costs: the statement's day, then two more. */
const COSTS = days([
  ['2026-12-01', '4.00'],
  ['2026-12-02', '2.50'],
  ['2026-12-03', '1.25'],
]);

describe('the estimated balance: stated + later top-ups − costs since', () => {
  it.each([
    {
      name: 'stated at a UTC midnight: that whole day counts, exactly',
      entries: [entry('balance', '100', '2026-12-01T00:00:00Z')],
      balance: '92.25',
      spent: '7.75',
    },
    {
      name: 'stated now, with the day so far written down: only what came after it',
      entries: [entry('balance', '100', '2026-12-01T15:00:00Z', { spentEarlierThatDay: '3.10' })],
      balance: '95.35',
      spent: '4.65',
    },
    {
      name: 'stated for a past mid-day moment: the day is shared out by the hour (18:00 keeps a quarter)',
      entries: [entry('balance', '100', '2026-12-01T18:00:00Z')],
      balance: '95.25',
      spent: '4.75',
    },
    {
      name: 'the day written down came to less after a revision: that day counts nothing, never less',
      entries: [entry('balance', '100', '2026-12-01T15:00:00Z', { spentEarlierThatDay: '9' })],
      balance: '96.25',
      spent: '3.75',
    },
    {
      name: 'a top-up after the statement adds; one before it is already in the stated balance',
      entries: [
        entry('top-up', '50', '2026-11-30T10:00:00Z'),
        entry('balance', '100', '2026-12-01T00:00:00Z'),
        entry('top-up', '20', '2026-12-02T09:00:00Z'),
      ],
      balance: '112.25',
      spent: '7.75',
    },
    {
      name: 'a top-up at the very moment stated is in the balance read then',
      entries: [
        entry('balance', '100', '2026-12-01T00:00:00Z'),
        entry('top-up', '20', '2026-12-01T00:00:00Z'),
      ],
      balance: '92.25',
      spent: '7.75',
    },
    {
      name: 'the latest statement wins; costs before it are not counted again',
      entries: [
        entry('balance', '500', '2026-11-20T00:00:00Z'),
        entry('balance', '60', '2026-12-03T00:00:00Z'),
      ],
      balance: '58.75',
      spent: '1.25',
    },
    {
      name: 'a statement whose day has no costs reported yet subtracts nothing for it',
      entries: [entry('balance', '10', '2026-12-04T08:00:00Z')],
      balance: '10',
      spent: '0',
    },
  ])('$name', ({ entries, balance, spent }) => {
    const estimate = estimateBalance(entries, COSTS);
    expect(text(estimate?.balance)).toBe(balance);
    expect(text(estimate?.spent)).toBe(spent);
  });

  it('sums as decimals: a thousand costs of 0.001 are exactly 1, which floats miss', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      day: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      amount: '0.001',
    }));
    const merged = new Map<string, number>();
    for (const d of many) merged.set(d.day, (merged.get(d.day) ?? 0) + 1);
    const perDay = [...merged.entries()].map(([day, count]) => ({ day, amount: (count / 1000).toFixed(3) }));
    const estimate = estimateBalance([entry('balance', '5', '2026-12-01T00:00:00Z')], perDay);
    expect(text(estimate?.balance)).toBe('4');
    expect(many.reduce((t, d) => t + Number(d.amount), 0)).not.toBe(1);
  });

  it('removing a mistyped statement goes back to the one before it', () => {
    const good = entry('balance', '80', '2026-12-02T00:00:00Z');
    const typo = entry('balance', '8000', '2026-12-02T12:00:00Z');
    expect(text(estimateBalance([good, typo], COSTS)?.balance)).toBe('7997.5');
    expect(text(estimateBalance([good], COSTS)?.balance)).toBe('76.25');
  });

  it('no statement, no estimate: nothing is made up', () => {
    expect(estimateBalance([entry('top-up', '20', '2026-12-02T09:00:00Z')], COSTS)).toBeNull();
  });

  it('two statements for one moment: the one written later wins', () => {
    const first = entry('balance', '70', '2026-12-03T00:00:00Z', { recordedAt: '2026-12-03T08:00:00Z' });
    const fixed = entry('balance', '75', '2026-12-03T00:00:00Z', { recordedAt: '2026-12-03T09:00:00Z' });
    expect(text(estimateBalance([fixed, first], COSTS)?.balance)).toBe('73.75');
  });
});

describe('asking for the balance again', () => {
  const at = (iso: string) => new Date(iso);
  it('below zero while the vendor still answers: a top-up is missing or the balance was mistyped', () => {
    const estimate = estimateBalance([entry('balance', '5', '2026-12-01T00:00:00Z')], COSTS);
    expect(estimate && restateReason(estimate, at('2026-12-03T12:00:00Z'))).toBe('negative');
  });
  it('after 30 days, and not before', () => {
    const estimate = estimateBalance([entry('balance', '500', '2026-12-01T00:00:00Z')], COSTS);
    expect(estimate && restateReason(estimate, at('2026-12-31T00:00:00Z'))).toBeNull();
    expect(estimate && restateReason(estimate, at('2026-12-31T00:00:01Z'))).toBe('old');
  });
});

describe('the days a poll reads', () => {
  const now = new Date('2026-12-20T10:00:00Z');
  it('needs the statement day, the month and two weeks back, whichever is earliest', () => {
    expect(costsNeededFrom([], now)).toBe('2026-12-01');
    expect(costsNeededFrom([entry('balance', '1', '2026-11-15T12:00:00Z')], now)).toBe('2026-11-15');
    expect(costsNeededFrom([], new Date('2026-12-05T10:00:00Z'))).toBe('2026-11-21');
  });
  it('reads everything needed the first time, then the last three days', () => {
    const known = days([
      ['2026-12-01', '1'],
      ['2026-12-20', '1'],
    ]);
    expect(costFetchFrom('2026-12-01', [], now)).toBe('2026-12-01');
    expect(costFetchFrom('2026-12-01', known, now)).toBe('2026-12-18');
    // Known days that start after the day now needed (an older balance was stated): read all again.
    expect(costFetchFrom('2026-11-15', known, now)).toBe('2026-11-15');
  });
  it('after a week off, from three days before the last day known', () => {
    const known = days([
      ['2026-12-01', '1'],
      ['2026-12-12', '1'],
    ]);
    expect(costFetchFrom('2026-12-01', known, now)).toBe('2026-12-10');
  });
  it('replaces the days read again (late costs land) and keeps the rest', () => {
    const known = days([
      ['2026-12-16', '1'],
      ['2026-12-17', '2'],
      ['2026-12-18', '3'],
      ['2026-12-19', '0.5'],
    ]);
    const fresh = days([
      ['2026-12-18', '3'],
      ['2026-12-19', '4.5'],
      ['2026-12-20', '1'],
    ]);
    expect(mergeCostDays(known, fresh, '2026-12-18', '2026-12-17')).toEqual(
      days([
        ['2026-12-17', '2'],
        ['2026-12-18', '3'],
        ['2026-12-19', '4.5'],
        ['2026-12-20', '1'],
      ]),
    );
  });
  it('today and this month so far', () => {
    const spend = spendSoFar(
      days([
        ['2026-11-30', '9'],
        ['2026-12-01', '1.5'],
        ['2026-12-20', '0.25'],
      ]),
      now,
    );
    expect([spend.today.toFixed(), spend.month.toFixed()]).toEqual(['0.25', '1.75']);
  });
});

describe('amounts as the vendors send them', () => {
  it.each([
    [0.895874, '0.895874'],
    ['0.0042', '0.0042'],
    ['412.5031', '412.5031'],
    [1e-7, '0.0000001'],
    ['1,5', null],
    ['', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%s', (value, expected) => {
    expect(decimalOf(value)?.toFixed() ?? null).toBe(expected);
  });
});

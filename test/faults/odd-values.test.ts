import { describe, expect, it } from 'vitest';
import { compactNumber } from '../../main/core/present/badge-model';
import { percentOf } from '../../main/core/providers/adapter';
import { snapshotOf } from '../../main/core/providers/custom/custom';
import { GLYPHS } from '../../main/core/raster/badge-raster';
import { english } from '../support/english';

const NOW = new Date('2026-11-22T12:00:00Z');

describe('odd values a provider or an expression can give', () => {
  it.each([
    [-0, '0'],
    [-0.001, '0'],
    [-4, '-4'],
  ])('%s is written %s, never "-0"', (value, written) => {
    expect(english.formatAmount(value)).toBe(written);
    expect(english.amountWithUnit(value, 'credits')).toBe(`${written} credits`);
  });

  it('money that rounds to nothing has no minus either', () => {
    expect(english.amountWithUnit(-0.001, 'USD')).toBe('$0.00');
  });

  it.each([
    [-400, 100],
    [-1, 0],
  ])('a quota with %s used of %s is 0 % used, not negative', (used, included) => {
    expect(percentOf(used, included)).toBe(0);
  });

  it.each([
    [1e12, '1T'],
    [999e12, '999T'],
    [1e15, '>1P'],
    [1e299, '>1P'],
    [Number.POSITIVE_INFINITY, '>1P'],
    [-2.5e13, '-25T'],
  ])('the badge writes %s as %s: four glyphs at most, no exponent', (value, badge) => {
    expect(compactNumber(value)).toBe(badge);
    // Each one drawn as itself, never the icon's "?" for a character it has no glyph for.
    for (const char of badge) expect(GLYPHS[char], char).toBeDefined();
  });

  it('a key with no limit (OpenRouter’s) shows what it spent, not "no data yet"', () => {
    const snapshot = snapshotOf(
      {
        spec: { url: 'https://openrouter.ai/api/v1/key', unit: 'USD' } as never,
        readings: [
          { field: 'remaining', source: 'data.limit_remaining', value: undefined },
          { field: 'used', source: 'data.usage', value: 12.5 },
        ],
      },
      NOW,
    );
    // Money spent is written as money; its sign says the currency, so the caption does not say it again.
    expect(english.headline(snapshot)).toEqual({ value: '$12.50', caption: 'spent this period' });
    expect(english.headlineText(snapshot)).toBe('$12.50 spent this period');
  });
});

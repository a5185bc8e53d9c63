import { describe, expect, it } from 'vitest';
import { MIN_TIME_SPAN_MS, timeTicks } from '../../renderer/src/time-axis';
import { translatorFor } from '../../shared/i18n/catalogs';

const DAY = 86_400_000;
// The machine's zone may be any: the ticks are in local time, so the moments here are too.
const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) =>
  new Date(y, m - 1, d, h, min, s, ms).getTime();

const labels = (language: 'en' | 'de' | 'zh', from: number, to: number) =>
  timeTicks(translatorFor(language), from, to, 5).map((tick) => tick.label);

describe('the history chart’s time axis', () => {
  it('two readings half a second apart are spread over an hour and labelled with clock times', () => {
    const last = at(2026, 12, 6, 14, 26, 30, 600);
    const shown = labels('en', last - MIN_TIME_SPAN_MS, last);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const label of shown) expect(label).toMatch(/^\d\d:\d\d$/);
  });

  it.each(['en', 'de', 'zh'] as const)(
    '30 days in %s: day and month in its own style, never a US "11/7"',
    (language) => {
      const shown = labels(language, at(2026, 11, 7), at(2026, 12, 7));
      expect(shown.length).toBeGreaterThanOrEqual(3);
      for (const label of shown) expect(label).not.toMatch(/^\d{1,2}\/\d{1,2}$/);
      const style = {
        en: /^\d{1,2} [A-Z][a-z]{2}$/,
        de: /^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.?$/,
        zh: /^\d{1,2}月\d{1,2}日$/,
      };
      for (const label of shown) expect(label).toMatch(style[language]);
    },
  );

  it('a year that crosses into the next says the year on its first label and where the new year begins', () => {
    const shown = labels('en', at(2025, 12, 12), at(2026, 12, 21));
    expect(shown[0]).toMatch(/^[A-Z][a-z]{2} 2025$|^[A-Z][a-z]{2} 2026$/);
    expect(shown).toContain('Jan 2026');
    // Three-letter months, as the rest of the axis: not British "Sept".
    for (const label of shown) expect(label).toMatch(/^[A-Z][a-z]{2}( \d{4})?$/);
  });

  it('German months across a year, with the year where it changes', () => {
    const shown = labels('de', at(2025, 12, 12), at(2026, 12, 21));
    expect(shown.some((label) => /2026/.test(label))).toBe(true);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it.each([
    ['an hour', 60 * 60_000],
    ['a day', DAY],
    ['a week', 7 * DAY],
    ['90 days', 90 * DAY],
    ['a year', 365 * DAY],
    ['three years', 3 * 365 * DAY],
  ])('over %s: at most five labels, each different, in time order, inside the range', (_name, span) => {
    for (const language of ['en', 'de', 'zh'] as const) {
      const to = at(2026, 12, 6, 17, 3);
      const ticks = timeTicks(translatorFor(language), to - span, to, 5);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
      for (const [i, tick] of ticks.entries()) {
        expect(tick.at).toBeGreaterThanOrEqual(to - span);
        expect(tick.at).toBeLessThanOrEqual(to);
        if (i > 0) expect(tick.at).toBeGreaterThan(ticks[i - 1]?.at ?? 0);
      }
    }
  });

  it('within a day a midnight says its date, the other labels the time', () => {
    const shown = labels('en', at(2026, 12, 5, 15), at(2026, 12, 6, 15));
    expect(shown).toContain('6 Dec');
    expect(shown.filter((label) => /^\d\d:\d\d$/.test(label)).length).toBeGreaterThanOrEqual(2);
  });
});

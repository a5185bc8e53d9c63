import { describe, expect, it } from 'vitest';
import { colourWanted, paintLevel } from '../../main/cli/colour';

describe('colour in the terminal', () => {
  it.each([
    ['a terminal', {}, true, true],
    ['a pipe', {}, false, false],
    ['a terminal that cannot (TERM=dumb)', { TERM: 'dumb' }, true, false],
    ['a terminal under NO_COLOR', { NO_COLOR: '1' }, true, false],
    // no-color.org: an empty NO_COLOR is as if unset.
    ['a terminal with NO_COLOR empty', { NO_COLOR: '' }, true, true],
    ['a pipe with FORCE_COLOR', { FORCE_COLOR: '1' }, false, true],
    ['a terminal with FORCE_COLOR=0', { FORCE_COLOR: '0', TERM: 'dumb' }, true, false],
    ['FORCE_COLOR and NO_COLOR both', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, false],
  ])('%s: %j → %s', (_name, env, terminal, wanted) => {
    expect(colourWanted(env, terminal)).toBe(wanted);
  });

  it('each level has its own colour, reset after the word', () => {
    const painted = (['ok', 'warning', 'critical', 'empty', 'unknown'] as const).map((l) =>
      paintLevel(l, 'x'),
    );
    expect(new Set(painted).size).toBe(5);
    for (const text of painted) {
      expect(text.startsWith('\u001b[')).toBe(true);
      expect(text.endsWith('mx\u001b[0m')).toBe(true);
    }
  });
});

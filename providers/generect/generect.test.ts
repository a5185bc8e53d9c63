import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../main/core/providers/adapter';
import { statusDetailText } from '../../main/core/providers/error-text';
import { clone, expectDrift, load, NOW } from '../../test/support/answers';
import { GenerectMe, GenerectUsage, generect } from './adapter';

describe('generect', () => {
  it('the documented account and usage answers: balance 5000, 1234 of 10000 used this month', () => {
    const me = parseAnswer(GenerectMe, load('generect', 'me.json'), 'answer.usage');
    const usage = GenerectUsage.parse(load('generect', 'usage.json'));
    const snapshot = generect.normalize({ me, usage }, NOW);
    expect(snapshot.remaining).toBe(5000);
    expect(snapshot.quotas).toEqual([
      expect.objectContaining({ used: 1234, included: 10000, percentUsed: 12.34 }),
    ]);
    expect(snapshot.extras.breakdown).toMatchObject({ search_database: 500, email_find: 134 });
  });

  it('without the usage answer the balance still stands', () => {
    const me = parseAnswer(GenerectMe, load('generect', 'me.json'), 'answer.usage');
    expect(generect.normalize({ me, usage: null }, NOW).remaining).toBe(5000);
  });

  it('drifted: credits moved out of data is refused, naming the field', () => {
    const me = clone(load<{ data: Record<string, unknown> }>('generect', 'me.json'));
    delete me.data.credits;
    expectDrift(() => parseAnswer(GenerectMe, me, 'answer.account'), 'credits');
  });

  it('its error body gives the detail', () => {
    expect(statusDetailText(load('generect', 'error-401.json'))).toBe(
      'Authentication credentials were not provided.',
    );
  });
});

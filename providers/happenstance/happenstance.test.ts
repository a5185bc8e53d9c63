import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../main/core/providers/adapter';
import { problemDetailText } from '../../main/core/providers/error-text';
import { expectDrift, load, NOW } from '../../test/support/answers';
import { HappenstanceUsage, happenstance } from './adapter';

describe('happenstance', () => {
  const answer = () => load<Record<string, unknown>>('happenstance', 'usage.json');

  it('the documented usage answer: balance, usage records, purchases, auto-reload', () => {
    const snapshot = happenstance.normalize(parseAnswer(HappenstanceUsage, answer(), 'answer.usage'), NOW);
    expect(snapshot.remaining).toBe(1840);
    expect(snapshot.unit).toBe('credits');
    expect(snapshot.usage).toHaveLength(3);
    expect(snapshot.extras.purchases).toHaveLength(2);
    expect(snapshot.extras.autoReload).toMatchObject({ enabled: expect.any(Boolean) });
  });

  it('a negative balance is read as it is (the API allows it)', () => {
    const body = { ...answer(), balance_credits: -12 };
    expect(happenstance.normalize(parseAnswer(HappenstanceUsage, body, 'answer.usage'), NOW).remaining).toBe(
      -12,
    );
  });

  it('drifted: a balance sent as a string is refused, naming the field', () => {
    expectDrift(
      () => parseAnswer(HappenstanceUsage, { ...answer(), balance_credits: '1840' }, 'answer.usage'),
      'balance_credits',
    );
  });

  it('its error body (RFC 7807) gives the detail', () => {
    expect(problemDetailText(load('happenstance', 'error-401.json'))).toBe('Invalid API key');
  });
});

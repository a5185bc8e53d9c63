import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../main/core/providers/adapter';
import { costSnapshot } from '../../main/core/providers/cost-report';
import { envelopeErrorText } from '../../main/core/providers/error-text';
import { clone, expectDrift, load, NOW } from '../../test/support/answers';
import { OpenAiCostsPage, openAiBuckets } from './adapter';

const read = (name: string) =>
  costSnapshot(openAiBuckets(parseAnswer(OpenAiCostsPage, load('openai', name), 'answer.costsPage')), NOW);

describe('openai', () => {
  it("the documented example: one day's cost in dollars, in USD", () => {
    const snapshot = read('costs-page.json');
    expect(snapshot.extras.costDays).toEqual([{ day: '2026-12-01', amount: '1.2834' }]);
    expect(snapshot.unit).toBe('USD');
    expect(snapshot.remaining).toBeNull();
  });

  it('amounts sent as strings and as numbers are summed as decimals; no amount and no results cost nothing', () => {
    expect(read('costs-string-amounts.json').extras.costDays).toEqual([
      { day: '2026-12-01', amount: '0.900074' },
      { day: '2026-12-02', amount: '0' },
    ]);
  });

  it('drifted: an amount that is no number is refused, naming the field', () => {
    const page = clone(
      load<{ data: { results: { amount: { value: unknown } }[] }[] }>('openai', 'costs-page.json'),
    );
    const [bucket] = page.data;
    const [result] = bucket?.results ?? [];
    if (result) result.amount.value = '1,28';
    expectDrift(() => openAiBuckets(parseAnswer(OpenAiCostsPage, page, 'answer.costsPage')), 'amount.value');
  });

  it('drifted: a bucket without its start is refused, naming the field', () => {
    const page = clone(load<{ data: Record<string, unknown>[] }>('openai', 'costs-page.json'));
    delete page.data[0]?.start_time;
    expectDrift(() => parseAnswer(OpenAiCostsPage, page, 'answer.costsPage'), 'start_time');
  });

  it('its error body gives the message, never the rest', () => {
    expect(envelopeErrorText(load('openai', 'error-401.json'))).toMatch(/^Incorrect API key provided/);
  });
});

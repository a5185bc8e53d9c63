import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../main/core/providers/adapter';
import { costSnapshot } from '../../main/core/providers/cost-report';
import { envelopeErrorText } from '../../main/core/providers/error-text';
import { clone, expectDrift, load, NOW } from '../../test/support/answers';
import { AnthropicCostPage, anthropicBuckets } from './adapter';

const read = (page: unknown) =>
  costSnapshot(anthropicBuckets(parseAnswer(AnthropicCostPage, page, 'answer.costsPage')), NOW);

describe('anthropic', () => {
  it('the documented example: cents as text made dollars ($4.125031), an empty day a known zero', () => {
    const snapshot = read(load('anthropic', 'cost-report.json'));
    expect(snapshot.extras.costDays).toEqual([
      { day: '2026-12-01', amount: '4.125031' },
      { day: '2026-12-02', amount: '0' },
    ]);
    expect(snapshot.unit).toBe('USD');
  });

  it('several results in a day (grouped by workspace) are summed as decimals', () => {
    const page = clone(load<{ data: { results: { amount: string }[] }[] }>('anthropic', 'cost-report.json'));
    page.data[0]?.results.push({ ...(page.data[0]?.results[0] as { amount: string }), amount: '0.0001' });
    expect(read(page).extras.costDays?.[0]).toEqual({ day: '2026-12-01', amount: '4.125032' });
  });

  it('drifted: an amount that is no number is refused, naming the field', () => {
    const page = clone(load<{ data: { results: { amount: string }[] }[] }>('anthropic', 'cost-report.json'));
    (page.data[0]?.results[0] as { amount: string }).amount = 'USD 4.12';
    expectDrift(() => read(page), 'amount');
  });

  it('drifted: a bucket whose start is no date is refused, naming the field', () => {
    const page = clone(load<{ data: { starting_at: string }[] }>('anthropic', 'cost-report.json'));
    (page.data[0] as { starting_at: string }).starting_at = 'yesterday';
    expectDrift(() => read(page), 'starting_at');
  });

  it('its error body gives the message, never the request id', () => {
    expect(envelopeErrorText(load('anthropic', 'error-401.json'))).toBe('invalid x-api-key');
  });
});

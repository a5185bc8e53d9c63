import { describe, expect, it } from 'vitest';
import { levelOf } from '../../main/core/alerts/level';
import { parseAnswer } from '../../main/core/providers/adapter';
import { envelopeErrorText } from '../../main/core/providers/error-text';
import { clone, expectDrift, load, NOW } from '../../test/support/answers';
import { MeteredUsage, meteredBilling } from './adapter';

describe('metered-billing', () => {
  it('the documented usage answer: one quota per metric', () => {
    const snapshot = meteredBilling.normalize(
      parseAnswer(MeteredUsage, load('metered-billing', 'usage.json'), 'answer.usage'),
      NOW,
    );
    expect(snapshot.remaining).toBeNull();
    expect(snapshot.quotas.find((q) => q.metric === 'apiCalls')).toMatchObject({
      name: 'API Calls',
      used: 45230,
      included: 100000,
    });
  });

  it('a metric keyed __proto__ is read as plain data: at 99 % it is critical, like any other', () => {
    const body = JSON.parse(
      '{"success":true,"data":{"metrics":{"__proto__":{"name":"Calls","unit":"requests","included":100,"used":99,"overage":0,"percentage":99}}}}',
    );
    const snapshot = meteredBilling.normalize(parseAnswer(MeteredUsage, body, 'answer.usage'), NOW);
    expect(snapshot.quotas).toEqual([expect.objectContaining({ metric: '__proto__', percentUsed: 99 })]);
    expect(levelOf(snapshot, null)).toBe('critical');
    expect(({} as Record<string, unknown>).used).toBeUndefined();
  });

  it('drifted: metrics sent as text are refused, naming the field', () => {
    const body = clone(load<{ data: Record<string, unknown> }>('metered-billing', 'usage.json'));
    body.data.metrics = 'none';
    expectDrift(() => parseAnswer(MeteredUsage, body, 'answer.usage'), 'metrics');
  });

  it('its error envelope gives the message', () => {
    expect(envelopeErrorText(load('metered-billing', 'error-401.json'))).toBe('Authentication required');
  });
});

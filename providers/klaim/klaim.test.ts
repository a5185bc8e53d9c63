import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../main/core/providers/adapter';
import { anyErrorText } from '../../main/core/providers/error-text';
import { clone, expectDrift, load, NOW } from '../../test/support/answers';
import { KlaimPage, klaim } from './adapter';

describe('klaim', () => {
  it('the documented usage page: the newest record gives the balance', () => {
    const page = parseAnswer(KlaimPage, load('klaim', 'usage-page.json'), 'answer.usagePage');
    const snapshot = klaim.normalize({ records: page.data, complete: page.lastKey == null }, NOW);
    expect(snapshot.remaining).toBe(706);
    expect(snapshot.extras.partial).toBe(true);
  });

  it('drifted: a record without its balance is refused, naming the field', () => {
    const page = clone(load<{ data: Record<string, unknown>[] }>('klaim', 'usage-page.json'));
    delete page.data[0]?.credit_balance;
    expectDrift(() => parseAnswer(KlaimPage, page, 'answer.usagePage'), 'credit_balance');
  });

  it('its 404 body says there is no such user', () => {
    expect(anyErrorText(load('klaim', 'error-404.json'))).toBe('Can not find user with the given user_id.');
  });
});

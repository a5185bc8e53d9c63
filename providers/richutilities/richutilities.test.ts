import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../main/core/providers/adapter';
import { expectDrift, load, NOW } from '../../test/support/answers';
import { RichCredits, RichLedgerPage, RichUsage, richutilities } from './adapter';

describe('richutilities', () => {
  it('the documented credits, daily usage and ledger: available in its currency, top-ups from credits', () => {
    const credits = parseAnswer(RichCredits, load('richutilities', 'credits.json'), 'answer.usage');
    const usage = RichUsage.parse(load('richutilities', 'usage-daily.json'));
    const ledger = RichLedgerPage.parse(load('richutilities', 'ledger.json'));
    const snapshot = richutilities.normalize({ credits, usage, ledger, ledgerComplete: true }, NOW);
    expect(snapshot.remaining).toBe(120);
    expect(snapshot.unit).toBe('USD');
    expect(snapshot.usage.length).toBeGreaterThan(0);
    expect(snapshot.extras.autoReload).toMatchObject({
      enabled: true,
      thresholdCredits: 20,
      reloadAmount: 100,
    });
  });

  it('drifted: available sent as text is refused, naming the field', () => {
    const credits = { ...load<object>('richutilities', 'credits.json'), available: 'lots' };
    expectDrift(() => parseAnswer(RichCredits, credits, 'answer.creditBalance'), 'available');
  });
});

import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../main/core/monitor/map-limit';

describe('mapLimit', () => {
  it('never has more than the limit in flight, starts the next as one ends, and keeps the input order', async () => {
    const pending: { input: number; finish: () => void }[] = [];
    let inFlight = 0;
    let peak = 0;
    const running = mapLimit([5, 1, 4, 2, 3, 0, 6, 1, 2], 4, (input) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      return new Promise<number>((resolve) => {
        pending.push({
          input,
          finish: () => {
            inFlight--;
            resolve(input * 10);
          },
        });
      });
    });
    const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
    await settle();
    expect(pending.map((p) => p.input)).toEqual([5, 1, 4, 2]);
    // Finish them out of order, one at a time: each end lets exactly one more start.
    for (let step = 0; step < 9; step++) {
      const [next] = pending.splice((step * 3) % pending.length, 1);
      next?.finish();
      await settle();
      expect(inFlight).toBeLessThanOrEqual(4);
    }
    expect(peak).toBe(4);
    expect(await running).toEqual([50, 10, 40, 20, 30, 0, 60, 10, 20]);
  });

  it('handles nothing', async () => expect(await mapLimit([], 4, async (x) => x)).toEqual([]));
});

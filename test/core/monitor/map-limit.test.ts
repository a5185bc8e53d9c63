import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../main/core/monitor/map-limit';

describe('mapLimit', () => {
  it('never has more than the limit in flight, and keeps the input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await mapLimit([5, 1, 4, 2, 3, 0, 6, 1, 2], 4, async (ms) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms * 3));
      inFlight--;
      return ms * 10;
    });
    expect(peak).toBe(4);
    expect(result).toEqual([50, 10, 40, 20, 30, 0, 60, 10, 20]);
  });
  it('handles nothing', async () => expect(await mapLimit([], 4, async (x) => x)).toEqual([]));
});

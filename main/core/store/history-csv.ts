import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { PointSeries } from '../../../shared/point-series';

const cell = (value: number | null) => (value === null ? '' : String(value));

/** Streams history as CSV (time, remaining, used this period, highest quota %), row by row, never all in memory. */
export async function writeHistoryCsv(file: string, points: PointSeries): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('time,remaining,used_this_period,max_quota_percent\n');
  for (let i = 0; i < points.length; i++) {
    const p = points.at(i);
    await write(
      `${new Date(p.t).toISOString()},${cell(p.remaining)},${cell(p.used)},${cell(p.maxPercent)}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

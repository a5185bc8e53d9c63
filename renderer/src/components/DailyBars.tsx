import { formatAmount } from '../../../shared/format';

/** Consumption per day as simple bars; the list below them is what assistive technology reads. */
export function DailyBars({ days, unit }: { days: readonly { day: number; used: number }[]; unit: string }) {
  if (days.length === 0) return null;
  const shown = days.slice(-30);
  const max = Math.max(...shown.map((d) => d.used), 1);
  return (
    <section aria-labelledby="daily-title">
      <h2 id="daily-title">Used per day</h2>
      <div className="daily-bars" aria-hidden="true">
        {shown.map((d) => (
          <span
            key={d.day}
            className="daily-bar"
            style={{ height: `${Math.max(2, (d.used / max) * 100)}%` }}
          />
        ))}
      </div>
      <ul className="visually-hidden">
        {shown.map((d) => (
          <li key={d.day}>
            {new Date(d.day).toISOString().slice(0, 10)}: {formatAmount(d.used)} {unit}
          </li>
        ))}
      </ul>
    </section>
  );
}

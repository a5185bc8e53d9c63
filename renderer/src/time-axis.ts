import type { Translator } from '../../shared/i18n/translator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The narrowest span the time axis spreads over: two readings half a second apart are drawn across an hour, with
 * clock times under them, not across half a second with milliseconds.
 */
export const MIN_TIME_SPAN_MS = HOUR;

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** The steps ticks may be apart, shortest first, each with its rough length for choosing one. */
const STEPS: readonly { unit: Unit; count: number; ms: number }[] = [
  ...[1, 5, 15, 30].map((count) => ({ unit: 'minute' as const, count, ms: count * MINUTE })),
  ...[1, 3, 6, 12].map((count) => ({ unit: 'hour' as const, count, ms: count * HOUR })),
  ...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, ms: count * DAY })),
  ...[1, 2, 3, 6].map((count) => ({ unit: 'month' as const, count, ms: count * 30.44 * DAY })),
  { unit: 'year', count: 1, ms: 365.25 * DAY },
];

/** The first moment at or after `from` that is a whole step in local time (a midnight, the 1st of a month). */
function firstTick(from: number, unit: Unit, count: number): Date {
  const d = new Date(from);
  if (unit === 'minute') d.setSeconds(0, 0);
  else if (unit === 'hour') d.setMinutes(0, 0, 0);
  else {
    d.setHours(0, 0, 0, 0);
    if (unit !== 'day') d.setDate(1);
    if (unit === 'year') d.setMonth(0);
  }
  if (d.getTime() < from) d.setTime(advance(d, unit, 1).getTime());
  // On the step's own grid: 10:15 for a 15-minute step, 06:00 for 6 hours, the 1st of a quarter for 3 months.
  const onGrid = () =>
    unit === 'minute'
      ? d.getMinutes() % count === 0
      : unit === 'hour'
        ? d.getHours() % count === 0
        : unit === 'month'
          ? d.getMonth() % count === 0
          : true;
  while (!onGrid()) d.setTime(advance(d, unit, 1).getTime());
  return d;
}

function advance(d: Date, unit: Unit, count: number): Date {
  const next = new Date(d);
  if (unit === 'minute') next.setMinutes(next.getMinutes() + count);
  else if (unit === 'hour') next.setHours(next.getHours() + count);
  else if (unit === 'day') next.setDate(next.getDate() + count);
  else if (unit === 'month') next.setMonth(next.getMonth() + count);
  else next.setFullYear(next.getFullYear() + 1);
  return next;
}

/**
 * Where the time axis of a chart from `from` to `to` (ms) puts its labels, and what each says, in the reader's
 * language and one style for the whole axis: clock times within a day (a midnight says its date), days and
 * months across weeks, months across a year, and the year where the range crosses into another one. At most
 * `maxLabels`, each different from the others.
 */
export function timeTicks(
  tr: Translator,
  from: number,
  to: number,
  maxLabels: number,
): { at: number; label: string }[] {
  const span = Math.max(to - from, 1);
  const step =
    STEPS.find((s) => span / s.ms <= maxLabels) ?? (STEPS[STEPS.length - 1] as (typeof STEPS)[number]);
  const formats = tr.intl();
  const crossesYear = new Date(from).getFullYear() !== new Date(to).getFullYear();
  const ticks: { at: number; label: string }[] = [];
  let previousYear: number | null = null;
  for (
    let d = firstTick(from, step.unit, step.count);
    d.getTime() <= to;
    d = advance(d, step.unit, step.count)
  ) {
    const year = d.getFullYear();
    // The year is said where the range crosses one: on the first label, and where a new year begins.
    const withYear = crossesYear && year !== previousYear;
    previousYear = year;
    const midnight = d.getHours() === 0 && d.getMinutes() === 0;
    let label: string;
    if (step.unit === 'minute' || step.unit === 'hour')
      label = midnight ? formats.dayMonth.format(d) : formats.time.format(d);
    else if (step.unit === 'day') label = (withYear ? formats.dayMonthYear : formats.dayMonth).format(d);
    else label = (withYear || step.unit === 'year' ? formats.monthYear : formats.month).format(d);
    ticks.push({ at: d.getTime(), label });
  }
  return ticks
    .filter((tick, i) => ticks.findIndex((other) => other.label === tick.label) === i)
    .slice(0, maxLabels);
}

import { type Message, message } from '../../../shared/message';

/** The longest wait Creditbar honours: past it, it asks again (a provider asking for years is mistaken). */
export const MAX_RETRY_AFTER_SECONDS = 6 * 3600;

/** How a wait reads: seconds while short, else the moment it ends (nobody reads "2300891229 s"). */
export function waitText(seconds: number, now: Date): Message {
  if (seconds < 3600) return message('http.waitSeconds', { seconds });
  return message('http.waitUntil', {
    time: new Date(now.getTime() + seconds * 1000).toISOString().slice(0, 16).replace('T', ' '),
  });
}

/**
 * Seconds to wait from a Retry-After header: either delta-seconds or an HTTP-date. A date is measured against the
 * response's own Date header when present, so a skewed local clock does not stretch or shrink the wait.
 */
export function parseRetryAfter(
  value: string | null,
  responseDate: string | null,
  now: Date,
): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Every HTTP-date form names its month; without that check Date.parse reads "-5" as a year.
  const target = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(target)) return undefined;
  const serverNow = responseDate !== null ? Date.parse(responseDate) : Number.NaN;
  const reference = Number.isNaN(serverNow) ? now.getTime() : serverNow;
  return Math.max(0, Math.ceil((target - reference) / 1000));
}

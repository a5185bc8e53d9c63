import type { AlertIntent } from '../../../shared/alerts';
import type { Channel } from '../../../shared/channels';
import { msUntilQuietEnd } from '../alerts/alert-engine';

/**
 * Whether a channel hears an alert the desktop shows: one of its accounts (a quiet-hours summary spans accounts,
 * and goes to every channel), at its level or worse. "Recovered" follows the alerts a channel heard, whatever its
 * level: it is the end of one.
 */
export function channelHears(channel: Channel, intent: AlertIntent): boolean {
  if (intent.accountId !== null && channel.accounts && !channel.accounts.includes(intent.accountId))
    return false;
  if (intent.severity === 'info') return true;
  return channel.minLevel !== 'critical' || intent.severity === 'critical';
}

/**
 * The earliest an alert may go to a channel: at once, or when the channel's own quiet hours end. With the app's
 * (inherit, or none set) the alert service has already held it through them.
 */
export function sendAfter(channel: Channel, now: Date): Date {
  if (!channel.quietHours || channel.quietHours === 'inherit') return now;
  const wait = msUntilQuietEnd(now, { quietHours: channel.quietHours });
  return wait === null ? now : new Date(now.getTime() + wait);
}

/** Trying again: 30 s, doubling, at most half an hour; the transport's own wait when it asked for one. */
export function retryDelayMs(attempts: number, asked: number | null): number {
  if (asked !== null) return Math.max(asked, 1000);
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** A delivery failing for a day is given up, and said. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

import type { AlertIntent } from '../../../shared/alerts';
import type { Translator } from '../../../shared/i18n/translator';

/** A native notification, decided here so the shell only shows it. */
export interface NotificationModel {
  title: string;
  body: string;
  /** Info is silent; critical plays the system sound (the OS's do-not-disturb still wins). */
  silent: boolean;
  urgency: 'low' | 'normal' | 'critical';
  /** Clicking opens the popover at this account. */
  accountId: string | null;
}

/** Null when the account is gone: a notification for an account the person removed is never shown. */
export function notificationFor(
  { say }: Translator,
  intent: AlertIntent,
  knownAccountIds: ReadonlySet<string>,
): NotificationModel | null {
  if (intent.accountId !== null && !knownAccountIds.has(intent.accountId)) return null;
  return {
    title: say(intent.title),
    body: say(intent.body),
    silent: intent.severity !== 'critical',
    urgency: intent.severity === 'critical' ? 'critical' : intent.severity === 'warning' ? 'normal' : 'low',
    accountId: intent.accountId,
  };
}

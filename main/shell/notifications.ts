import { Notification } from 'electron';
import type { AlertIntent } from '../../shared/alerts';
import type { Translator } from '../../shared/i18n/translator';
import { notificationFor } from '../core/present/notification-model';

/**
 * Electron holds a shown notification only weakly: one kept in a local variable can be collected, and its
 * `click` then never fires. Each stays here until it is clicked, dismissed or fails; one whose toast timed out
 * into the Windows Action Center stays too, since it can still be clicked there. The oldest go first past
 * this many.
 */
const live = new Set<Notification>();
const MAX_LIVE = 50;

/** Shows what the core decided; repeats cannot happen here because the core never sends one twice. */
export function showAlert(
  tr: Translator,
  intent: AlertIntent,
  knownAccounts: ReadonlySet<string>,
  open: (accountId: string | null) => void,
  /** The OS refused to show it (macOS, an unsigned app): the alert still stands in the tray and the popover. */
  failed: () => void,
): void {
  const model = notificationFor(tr, intent, knownAccounts);
  if (!model || !Notification.isSupported()) return;
  const notification = new Notification({
    title: model.title,
    body: model.body,
    silent: model.silent,
    urgency: model.urgency,
  });
  const release = () => live.delete(notification);
  notification.on('click', () => {
    release();
    open(model.accountId);
  });
  // Windows: the toast timed out into the Action Center (Notification's `close`, reason 'timedOut').
  notification.on('close', (event) => {
    if (event.reason !== 'timedOut') release();
  });
  notification.on('failed', () => {
    release();
    failed();
  });
  live.add(notification);
  if (live.size > MAX_LIVE) live.delete(live.values().next().value as Notification);
  notification.show();
}

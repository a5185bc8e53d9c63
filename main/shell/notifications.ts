import { Notification } from 'electron';
import type { AlertIntent } from '../../shared/alerts';
import type { Translator } from '../../shared/i18n/translator';
import { notificationFor } from '../core/present/notification-model';

/**
 * Electron holds a shown notification only weakly: one kept in a local variable can be collected, and its
 * `click` then never fires. Each stays here until it is clicked, closed or fails.
 */
const live = new Set<Notification>();

/** Shows what the core decided; repeats cannot happen here because the core never sends one twice. */
export function showAlert(
  tr: Translator,
  intent: AlertIntent,
  knownAccounts: ReadonlySet<string>,
  open: (accountId: string | null) => void,
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
  notification.on('close', release);
  notification.on('failed', release);
  live.add(notification);
  notification.show();
}

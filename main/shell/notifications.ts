import { Notification } from 'electron';
import type { AlertIntent } from '../../shared/alerts';
import { notificationFor } from '../core/present/notification-model';

/** Shows what the core decided; repeats cannot happen here because the core never sends one twice. */
export function showAlert(
  intent: AlertIntent,
  knownAccounts: ReadonlySet<string>,
  open: (accountId: string | null) => void,
): void {
  const model = notificationFor(intent, knownAccounts);
  if (!model || !Notification.isSupported()) return;
  const notification = new Notification({
    title: model.title,
    body: model.body,
    silent: model.silent,
    urgency: model.urgency,
  });
  notification.on('click', () => open(model.accountId));
  notification.show();
}

import type { Translator } from './i18n/translator';
import { type Message, message } from './message';
import type { InstallSource, UpdateStatus } from './updates';

/** What the updater last did, in one line: Settings shows it, and a check asked for from the tray answers with it. */
export function updateStatusText(tr: Translator, status: UpdateStatus, now: number): string {
  const { t } = tr;
  switch (status.kind) {
    case 'idle':
      return t('updates.status.idle');
    case 'checking':
      return t('updates.status.checking');
    case 'up-to-date':
      return t('updates.status.upToDate', { time: tr.agoText(status.checkedAt, now) });
    case 'downloading':
      return status.percent === null
        ? t('updates.status.downloadingStarted', { version: status.version })
        : t('updates.status.downloading', { version: status.version, percent: status.percent / 100 });
    case 'ready':
      return t('updates.status.ready', { version: status.version });
    case 'failed': {
      const reason = t(`updates.failure.${status.failure}`);
      return status.version
        ? t('updates.status.downloadFailed', { version: status.version, reason })
        : t('updates.status.checkFailed', { reason });
    }
  }
}

/**
 * The answer to a check asked for from the tray menu, which has nowhere to show one: up to date or failed, said in
 * a dialog; nothing while a download runs or once one is ready (the menu's own line says so).
 */
export function checkReply(
  tr: Translator,
  updates: { version: string; status: UpdateStatus },
  now: number,
): string | null {
  const { status } = updates;
  if (status.kind === 'up-to-date') return tr.t('dialog.upToDate', { version: updates.version });
  if (status.kind === 'failed') return updateStatusText(tr, status, now);
  return null;
}

/** Why this copy does not update itself, as Settings says it and a refused "Check for updates" too. */
export function notSelfUpdating(source: InstallSource): Message | null {
  switch (source.kind) {
    case 'self-updating':
      return null;
    case 'unpackaged':
      return message('updates.unpackaged');
    case 'package-manager':
      return message('updates.packageManager', { manager: source.manager });
    case 'manual':
      return message('updates.manual', { why: source.why });
  }
}

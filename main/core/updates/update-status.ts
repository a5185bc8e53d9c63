import { type UpdateStatus, UpdateVersion } from '../../../shared/updates';
import { updateFailure } from './update-failure';
import type { UpdaterEvent } from './updater-port';

/** What the person sees after the updater's next event: the version being fetched is kept until it is ready. */
export function nextStatus(status: UpdateStatus, event: UpdaterEvent, now: Date): UpdateStatus {
  // The version comes from the release's channel file: one the state cannot carry (the popover's schema refuses
  // it) is the release's mistake, said as such, not a state that can no longer be pushed.
  if (
    (event.type === 'available' || event.type === 'downloaded') &&
    !UpdateVersion.safeParse(event.version).success
  )
    return nextStatus(
      status,
      {
        type: 'error',
        error: { message: 'ERR_UPDATER_INVALID_VERSION', code: 'ERR_UPDATER_INVALID_VERSION' },
      },
      now,
    );
  const version = 'version' in status ? status.version : undefined;
  switch (event.type) {
    case 'checking':
      return { kind: 'checking' };
    case 'available':
      return { kind: 'downloading', version: event.version, percent: null };
    case 'progress':
      // Progress without a version to show is an event out of order; it changes nothing.
      if (version === undefined) return status;
      return {
        kind: 'downloading',
        version,
        percent: event.percent === null ? null : Math.min(100, Math.max(0, event.percent)),
      };
    case 'not-available':
      return { kind: 'up-to-date', checkedAt: now.toISOString() };
    case 'downloaded':
      return { kind: 'ready', version: event.version };
    case 'stalled':
    case 'download-lost':
    case 'error':
      // A failed install after a verified download leaves nothing installed either: the same "not installed".
      return {
        kind: 'failed',
        failure:
          event.type === 'stalled'
            ? 'stalled'
            : event.type === 'download-lost'
              ? 'lost'
              : updateFailure(event.error),
        at: now.toISOString(),
        ...(version ? { version } : {}),
      };
  }
}

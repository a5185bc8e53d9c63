import type { UpdaterError } from './update-failure';

/** What the updater (electron-updater, in the shell) tells as it works. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number | null }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: UpdaterError }
  /** Not the updater's: the service heard nothing from it for STALLED_AFTER_MS. */
  | { type: 'stalled' };

/** The shell's updater: it checks, downloads what it finds in the background, and installs on quit or on demand. */
export interface UpdaterPort {
  /** Resolves when the check (not the download) is over; what happened arrives as events. */
  check(): Promise<void>;
  /** Replaces the app with the downloaded update and starts it again. */
  installNow(): void;
  subscribe(listener: (event: UpdaterEvent) => void): void;
}

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
  | { type: 'stalled' }
  /** Not the updater's: the downloaded file is gone or no longer the one the release described. */
  | { type: 'download-lost' };

/** The shell's updater: it checks, downloads what it finds in the background, and installs on quit or on demand. */
export interface UpdaterPort {
  /** Resolves when the check (not the download) is over; what happened arrives as events. */
  check(): Promise<void>;
  /** Whether the downloaded update is still on disk with the sha512 the release published. */
  downloadIntact(): Promise<boolean>;
  /** Replaces the app with the downloaded update and starts it again. */
  installNow(): void;
  /** Whether quitting installs the downloaded update (on until switched off). */
  installOnQuit(enabled: boolean): void;
  subscribe(listener: (event: UpdaterEvent) => void): void;
}

import { z } from './zod';

/** The formats electron-updater can replace in place (dmg/zip on macOS, NSIS on Windows, AppImage on Linux). */
export const SELF_UPDATING_FORMATS = ['mac', 'nsis', 'appimage'] as const;
/** Installs a package manager owns: it updates them, so the app never does. */
export const PACKAGE_MANAGERS = [
  'homebrew',
  'winget',
  'scoop',
  'deb',
  'rpm',
  'aur',
  'pacman',
  'snap',
  'flatpak',
] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** Who updates this copy of Creditbar, decided once at start from where and how it was installed. */
export const InstallSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self-updating'), format: z.enum(SELF_UPDATING_FORMATS) }),
  z.strictObject({ kind: z.literal('package-manager'), manager: z.enum(PACKAGE_MANAGERS) }),
  /** A development build run from the source tree. */
  z.strictObject({ kind: z.literal('unpackaged') }),
  /**
   * A packaged copy that cannot replace itself: a zip or folder build, or (macOS) one started from the mounted
   * disk image, which is read-only.
   */
  z.strictObject({ kind: z.literal('manual'), why: z.enum(['folder', 'diskImage']) }),
]);
export type InstallSource = z.infer<typeof InstallSource>;

/** Why a check or a download failed: each kind is said in the reader's language, never the updater's words. */
export const UPDATE_FAILURES = [
  /** The download did not match the sha512 the release published: refused, nothing installed. */
  'tampered',
  /** The downloaded update was removed or changed on this computer before it was installed. */
  'lost',
  /** The release lists no update for this OS, or a file it names is missing. */
  'not-found',
  /** No connection to the update server. */
  'offline',
  /** The update server answered with an error. */
  'server',
  /** The server stopped answering partway. */
  'stalled',
  /** macOS refuses to install over an app that is not signed (Squirrel checks the code signature). */
  'unsigned',
  /** The update could not be written or moved into place. */
  'disk',
  'other',
] as const;
export type UpdateFailure = (typeof UPDATE_FAILURES)[number];

const Instant = z.iso.datetime({ offset: true });
/** A semver version as a release names it: pre-release and build metadata allowed, nothing in front. */
export const UpdateVersion = z
  .string()
  .check(z.regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/), z.maxLength(64));

export const UpdateStatus = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('idle') }),
  z.strictObject({ kind: z.literal('checking') }),
  z.strictObject({ kind: z.literal('up-to-date'), checkedAt: Instant }),
  /** Downloading in the background; percent is null until the server says how large the file is. */
  z.strictObject({
    kind: z.literal('downloading'),
    version: UpdateVersion,
    percent: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  }),
  /** Downloaded and verified: installed when the app quits, or now by "Restart to update". */
  z.strictObject({ kind: z.literal('ready'), version: UpdateVersion }),
  z.strictObject({
    kind: z.literal('failed'),
    failure: z.enum(UPDATE_FAILURES),
    at: Instant,
    /** The version being downloaded when it failed; absent when the check itself failed. */
    version: z.optional(UpdateVersion),
  }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** What Settings' About line, its update switch and the tray menu show. */
export const UpdatesView = z.strictObject({
  /** This copy's version, from package.json: the same source as `creditbar --version`. */
  version: UpdateVersion,
  source: InstallSource,
  status: UpdateStatus,
});
export type UpdatesView = z.infer<typeof UpdatesView>;

/** Whether the app checks on its own: on unless the person switched it off (Settings' checkForUpdates). */
export function checksAutomatically(setting: boolean | undefined): boolean {
  return setting !== false;
}

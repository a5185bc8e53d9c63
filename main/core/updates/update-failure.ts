import type { UpdateFailure } from '../../../shared/updates';

/** What electron-updater and builder-util-runtime put on the errors they emit. */
export interface UpdaterError {
  message: string;
  code?: string | undefined;
  statusCode?: number | undefined;
}

/**
 * The kind of an updater error, from its code where the library gives one and its words where it does not (a
 * download's HTTP status and Squirrel.Mac's refusals carry none). The person reads the kind, never the message:
 * it holds URLs, paths and stack traces.
 */
export function updateFailure(error: UpdaterError): UpdateFailure {
  const { code = '', message } = error;
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) return 'tampered';
  // Windows: the downloaded installer is not signed by the publisher the running app was signed by.
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return 'tampered';
  if (
    code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' ||
    code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' ||
    code === 'ERR_UPDATER_NO_PUBLISHED_VERSIONS' ||
    code === 'ERR_UPDATER_RELEASE_NOT_FOUND' ||
    code === 'ERR_UPDATER_ASSET_NOT_FOUND' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    code === 'ERR_UPDATER_ZIP_FILE_NOT_FOUND' ||
    error.statusCode === 404 ||
    /, status 404\b/.test(message)
  )
    return 'not-found';
  if (/code signature|did not pass validation|not signed/i.test(message)) return 'unsigned';
  if (
    /^net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|NETWORK_CHANGED|PROXY_CONNECTION_FAILED)/.test(
      message,
    ) ||
    /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)\b/.test(code || message)
  )
    return 'offline';
  if (
    /^net::ERR_(CONNECTION_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|TIMED_OUT|CONNECTION_TIMED_OUT)/.test(
      message,
    ) ||
    /\b(ECONNRESET|ETIMEDOUT)\b/.test(code || message) ||
    /timed out|aborted by the server/i.test(message)
  )
    return 'stalled';
  // The release's files say something the updater cannot use (a version that is not semver, no sha512).
  if (
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_NO_CHECKSUM'
  )
    return 'server';
  if ((error.statusCode ?? 0) >= 400 || /, status [45]\d\d\b/.test(message)) return 'server';
  if (/\b(ENOSPC|EACCES|EPERM|EROFS|EBUSY)\b/.test(code || message)) return 'disk';
  return 'other';
}

/** An error as thrown or emitted, reduced to what updateFailure reads. */
export function asUpdaterError(error: unknown): UpdaterError {
  if (error instanceof Error) {
    const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
    return {
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof statusCode === 'number' ? { statusCode } : {}),
    };
  }
  return { message: String(error) };
}

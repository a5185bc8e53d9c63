import type { ErrorKind, ProviderError } from '../../shared/model';

/**
 * The app-wide error: a failure with a kind (`auth`, `keychain_unavailable`, `config`, ...) that the scheduler, the
 * CLI's exit codes and the popover act on, and a message a person can read. Thrown anywhere in the core; turned
 * into a ProviderError or an IPC error at the edges.
 */
export class AppFailure extends Error {
  readonly kind: ErrorKind;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ErrorKind, message: string, extra: { status?: number; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppFailure';
    this.kind = kind;
    this.status = extra.status;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toError(): ProviderError {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

/** The config (or a file next to it) cannot be read, parsed or written; the message names the file and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

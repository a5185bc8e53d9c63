import type { ReadMessage } from '../../shared/message';
import type { ErrorKind, ProviderError } from '../../shared/model';

/**
 * The app-wide error: a failure with a kind (`auth`, `keychain_unavailable`, `config`, ...) that the scheduler, the
 * CLI's exit codes and the popover act on, and what to tell a person as a message (key and arguments), made text
 * where it is shown. Thrown anywhere in the core; turned into a ProviderError or an IPC error at the edges.
 */
export class AppFailure extends Error {
  readonly kind: ErrorKind;
  readonly said: ReadMessage;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ErrorKind,
    said: ReadMessage,
    extra: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    // The key, for a stack trace; a person is shown `said`, in their language.
    super(said.key);
    this.name = 'AppFailure';
    this.kind = kind;
    this.said = said;
    this.status = extra.status;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toError(): ProviderError {
    return {
      kind: this.kind,
      message: this.said,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

/** The config (or a file next to it) cannot be read, parsed or written; the message names the file and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly said: ReadMessage;

  constructor(said: ReadMessage) {
    super(said.key);
    this.said = said;
  }
}

import type { ErrorKind, ProviderError } from '../../../shared/model';

/** A classified failure; thrown inside the core and turned into a ProviderError at its edge. */
export class ProviderFailure extends Error {
  readonly kind: ErrorKind;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ErrorKind, message: string, extra: { status?: number; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'ProviderFailure';
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

/** Anything thrown while polling becomes a ProviderError; unknown throws are bugs, reported without their text. */
export function toProviderError(thrown: unknown): ProviderError {
  if (thrown instanceof ProviderFailure) return thrown.toError();
  return { kind: 'bad_response', message: 'Creditbar could not read this answer (an internal error).' };
}

/** Removes every copy of the secret (and its base64 and URL-encoded forms) from text shown to a person. */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  let out = text;
  for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
    out = out.split(form).join('****');
  }
  return out;
}

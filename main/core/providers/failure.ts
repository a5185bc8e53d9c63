import type { ProviderError } from '../../../shared/model';
import { AppFailure } from '../errors';

/** Anything thrown while polling becomes a ProviderError; unknown throws are bugs, reported without their text. */
export function toProviderError(thrown: unknown): ProviderError {
  if (thrown instanceof AppFailure) return thrown.toError();
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

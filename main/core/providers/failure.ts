import { type InLanguages, type MessageArgument, message, type ReadMessage } from '../../../shared/message';
import type { ProviderError } from '../../../shared/model';
import { AppFailure } from '../errors';

/** Anything thrown while polling becomes a ProviderError; unknown throws are bugs, reported without their text. */
export function toProviderError(thrown: unknown): ProviderError {
  if (thrown instanceof AppFailure) return thrown.toError();
  return { kind: 'bad_response', message: message('answer.internal') };
}

/** The message with every copy of the secret removed from the text it carries (a provider's echo of the key). */
export function scrubMessage(said: ReadMessage, secret: string | undefined): ReadMessage {
  if (!said.params) return said;
  const scrub = (value: MessageArgument): MessageArgument => {
    if (typeof value === 'string') return scrubSecret(value, secret);
    if (Array.isArray(value)) return value.map((m) => scrubMessage(m, secret));
    if (typeof value === 'object' && 'key' in value) return scrubMessage(value as ReadMessage, secret);
    if (typeof value === 'object' && 'lines' in value)
      return { lines: value.lines.map((m) => scrubMessage(m, secret)) };
    if (typeof value === 'object' && 'byLanguage' in value)
      return {
        byLanguage: Object.fromEntries(
          Object.entries(value.byLanguage).map(([language, text]) => [
            language,
            scrubSecret(text ?? '', secret),
          ]),
        ) as InLanguages['byLanguage'],
      };
    // Numbers, amounts and days carry no text.
    return value;
  };
  return {
    key: said.key,
    params: Object.fromEntries(Object.entries(said.params).map(([name, value]) => [name, scrub(value)])),
  };
}

/** The shortest piece of a key worth hiding on its own: shorter prefixes (`sk_live_`) say nothing. */
const MIN_PIECE = 8;

/**
 * Every way the key travels in a request, and so may come back in an echo: as it is; URL-encoded as
 * `encodeURIComponent` and as `URLSearchParams` (which also encodes `~!'()*` and writes a space as `+`); and in
 * base64, alone or after other bytes, as in `Basic base64(user:key)`. A base64 run depends on where the key starts
 * in its 3-byte group, so each of the three starts gives its own run; the groups holding other bytes are left
 * out, so what is masked is the key's alone.
 */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const base64 = [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // The first group mixes in the bytes before the key, the last may mix in those after it.
    return encoded.slice(offset === 0 ? 0 : 4, -4);
  });
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    encodeURIComponent(secret),
    new URLSearchParams({ k: secret }).toString().slice(2),
    ...base64.filter((run) => run.length >= MIN_PIECE),
  ]
    .filter((form, i, all) => all.indexOf(form) === i)
    .sort((a, b) => b.length - a.length);
}

let lastForms: { secret: string; forms: string[] } | null = null;

/**
 * Removes every copy of the secret from text shown to a person: the key in each form it travels in (formsOf), and
 * any prefix or suffix of it of 8 characters or more (what is left when a provider's echo was cut short).
 */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  // Every string of an answer is scrubbed with the same key: its forms are made once.
  if (lastForms?.secret !== secret) lastForms = { secret, forms: formsOf(secret) };
  let out = text;
  for (const form of lastForms.forms) out = out.split(form).join('****');
  return secret.length > MIN_PIECE ? scrubPieces(out, secret) : out;
}

/**
 * Masks every run of the text that is a prefix or a suffix of the secret, 8 characters or longer. One pass from
 * each 8-character seed, so a large body with a long key costs its length, not length × key length.
 */
function scrubPieces(text: string, secret: string): string {
  const head = secret.slice(0, MIN_PIECE);
  const tail = secret.slice(-MIN_PIECE);
  // Every provider string passes here on each poll; almost none holds a piece of the key.
  if (!text.includes(head) && !text.includes(tail)) return text;
  const masked = new Array<boolean>(text.length).fill(false);
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
    let n = MIN_PIECE;
    while (n < secret.length && text[i + n] === secret[n]) n++;
    masked.fill(true, i, i + n);
  }
  for (let i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + 1)) {
    const end = i + MIN_PIECE;
    let n = MIN_PIECE;
    while (
      n < secret.length &&
      i - (n - MIN_PIECE) - 1 >= 0 &&
      text[end - n - 1] === secret[secret.length - n - 1]
    )
      n++;
    masked.fill(true, end - n, end);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!masked[i]) out += text[i];
    else if (i === 0 || !masked[i - 1]) out += '****';
  }
  return out;
}

/** Picks the human-readable line out of the error bodies providers send; never the whole body. */

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** RFC 7807 problem+json: `detail`, else `title`. */
export function problemDetailText(body: unknown): string | undefined {
  return text(field(body, 'detail')) ?? text(field(body, 'title'));
}

/** `{status, status_code, detail}` where detail is a string or a field → messages map. */
export function statusDetailText(body: unknown): string | undefined {
  const detail = field(body, 'detail');
  if (typeof detail === 'string') return text(detail);
  if (detail !== null && typeof detail === 'object') {
    const parts = Object.entries(detail).map(([name, messages]) => {
      const list = Array.isArray(messages) ? messages.filter((m) => typeof m === 'string') : [messages];
      return `${name}: ${list.filter((m) => typeof m === 'string').join(', ')}`;
    });
    return text(parts.join('; '));
  }
  return undefined;
}

/** `{success:false, error:{code, message}}`. */
export function envelopeErrorText(body: unknown): string | undefined {
  return text(field(field(body, 'error'), 'message'));
}

/** The first entry of a list, if the value is one. */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/**
 * For providers whose error shape is not documented, and the presets': the common spellings, in order
 * (`error.message`, `error`, `message`, ElevenLabs' `detail.message`, Hunter's `errors[0].details`, CoinGecko's
 * `status.error_message`, then problem+json and field maps).
 */
export function anyErrorText(body: unknown): string | undefined {
  return (
    envelopeErrorText(body) ??
    text(field(body, 'error')) ??
    text(field(body, 'message')) ??
    text(field(field(body, 'detail'), 'message')) ??
    text(field(first(field(body, 'errors')), 'details')) ??
    text(field(field(body, 'status'), 'error_message')) ??
    problemDetailText(body) ??
    statusDetailText(body)
  );
}

import type { CustomEndpoint } from '../../../../shared/config';
import type { Quota, Snapshot } from '../../../../shared/model';
import { AppFailure } from '../../errors';
import { type ProviderAdapter, percentOf } from '../adapter';
import { anyErrorText } from '../error-text';

export interface CustomRaw {
  body: unknown;
  spec: CustomEndpoint;
}

/**
 * What an RFC 6901 pointer names in a parsed JSON document, and only what the document holds: an array takes a
 * decimal index within it (never `length`), an object its own keys (never anything from its prototype).
 */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= current.length) return undefined;
      current = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A number at the pointer; numeric strings count, since many APIs send amounts as strings to keep decimals. */
export function numberAt(body: unknown, pointer: string, what: string): number {
  const value = valueAt(body, pointer);
  const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  const found =
    value === undefined ? 'nothing is there' : `it holds ${value === null ? 'null' : typeof value}`;
  throw new AppFailure(
    'bad_response',
    `The ${what} pointer ${pointer || '(whole answer)'} found no number: ${found}`,
  );
}

export const custom: ProviderAdapter<CustomRaw> = {
  id: 'custom',
  async fetch({ account, secret, http, signal }) {
    const spec = account.custom;
    if (!spec) throw new AppFailure('config', 'This custom account has no endpoint settings');
    const body = await http.json(
      {
        method: spec.method,
        url: spec.url,
        headers: { [spec.authHeader]: spec.authScheme ? `${spec.authScheme} ${secret}` : secret },
      },
      { signal, secret, describeError: anyErrorText },
    );
    return { body, spec };
  },
  normalize({ body, spec }, now): Snapshot {
    const remaining = numberAt(body, spec.remainingPointer, 'remaining');
    const limit = spec.limitPointer !== undefined ? numberAt(body, spec.limitPointer, 'limit') : null;
    const usedRead = spec.usedPointer !== undefined ? numberAt(body, spec.usedPointer, 'used') : null;
    const used = usedRead ?? (limit !== null ? limit - remaining : null);
    const quotas: Quota[] =
      limit !== null && limit > 0 && used !== null
        ? [
            {
              metric: 'limit',
              name: 'Limit',
              used,
              included: limit,
              unit: spec.unit,
              percentUsed: percentOf(used, limit),
            },
          ]
        : [];
    return {
      remaining,
      unit: spec.unit,
      quotas,
      usedThisPeriod: used,
      usage: [],
      fetchedAt: now.toISOString(),
      extras: {},
    };
  },
};

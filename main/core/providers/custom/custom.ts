import type { CustomEndpoint } from '../../../../shared/config';
import { type Message, message } from '../../../../shared/message';
import type { Quota, Snapshot } from '../../../../shared/model';
import type { ProviderId } from '../../../../shared/providers';
import { AppFailure } from '../../errors';
import { cleanStrings, type FetchContext, type ProviderAdapter, percentOf, toInstant } from '../adapter';
import { anyErrorText } from '../error-text';
import { endpointOf, requestFor } from './endpoint';
import { quote } from './expression';
import { type ReadField, type Reading, readAnswer } from './read-answer';
import { shapeOf } from './shape';

export interface CustomRaw {
  spec: CustomEndpoint;
  readings: Reading[];
}

/** Asks the endpoint: the key goes where the endpoint says, within the account's own timeout if it has one. */
async function ask(ctx: FetchContext): Promise<{ spec: CustomEndpoint; body: unknown }> {
  const spec = endpointOf(ctx.account, ctx.secret);
  const body = await ctx.http.json(requestFor(spec, ctx.secret), {
    signal: ctx.signal,
    secret: ctx.secret,
    describeError: anyErrorText,
    // A preset adds its path to the base URL; a custom endpoint's URL is the whole of it.
    notFoundHint: message(ctx.account.provider === 'custom' ? 'http.checkUrl' : 'http.checkBaseUrl'),
    ...(spec.timeoutSeconds !== undefined ? { deadlineMs: spec.timeoutSeconds * 1000 } : {}),
  });
  return { spec, body };
}

function described(value: unknown): Message | string {
  if (value === undefined) return message('reading.nothing');
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : message('reading.outOfRange');
  if (Array.isArray(value)) return message('reading.list', { count: value.length });
  if (typeof value === 'string') return message('reading.text');
  return typeof value === 'boolean' ? message('reading.boolean') : message('reading.object');
}

function unreadable(reading: Reading, wanted: 'number' | 'date'): AppFailure {
  const params = { field: reading.field, holds: described(reading.value) };
  return new AppFailure(
    'bad_response',
    message(wanted === 'number' ? 'reading.expressionNoNumber' : 'reading.expressionNoDate', {
      ...params,
      expression: quote(reading.source),
    }),
  );
}

/** A number from a reading, or null when it read nothing. Expressions must give one (`$number()` turns text into one). */
function numberOf(reading: Reading | undefined): number | null {
  if (!reading || reading.value === undefined || reading.value === null) return null;
  if (typeof reading.value === 'number' && Number.isFinite(reading.value)) return reading.value;
  throw unreadable(reading, 'number');
}

/** A reset time from ISO text or Unix time (seconds, or milliseconds when that large). */
function instantOf(reading: Reading | undefined): string | null {
  if (!reading || reading.value === undefined || reading.value === null) return null;
  const { value } = reading;
  const at =
    typeof value === 'number' && Number.isFinite(value)
      ? toInstant(Math.abs(value) < 1e11 ? value * 1000 : value)
      : typeof value === 'string'
        ? toInstant(value)
        : null;
  if (at === null) throw unreadable(reading, 'date');
  return at;
}

/** What the readings mean, purely: validated numbers, the unit, the quota and when it resets. */
export function snapshotOf({ spec, readings }: CustomRaw, now: Date): Snapshot {
  const get = (field: ReadField) => readings.find((r) => r.field === field);
  const limit = numberOf(get('limit'));
  const usedRead = numberOf(get('used'));
  const remainingReading = get('remaining');
  const remaining = numberOf(remainingReading);
  const spentReading = get('spent');
  const spentTotal = remaining === null && spentReading ? numberOf(spentReading) : null;
  if (spentReading && remaining === null && spentTotal === null) throw unreadable(spentReading, 'number');
  // A key with no limit (OpenRouter's) reads no balance, only what it spent: that is an answer, not an error.
  if (remaining === null && spentTotal === null && (usedRead === null || limit !== null)) {
    throw remainingReading
      ? unreadable(remainingReading, 'number')
      : new AppFailure('config', message('reading.noRemaining'));
  }
  const currency = get('currency')?.value;
  const unit =
    typeof currency === 'string' && currency.trim() !== '' ? currency.trim().slice(0, 24) : spec.unit;
  const used = usedRead ?? (limit !== null && remaining !== null ? limit - remaining : null);
  const quotas: Quota[] =
    limit !== null && limit > 0 && used !== null
      ? // Named for what it limits, its unit ("tokens", "USD"), read in the person's language where we have one.
        [{ metric: 'limit', name: unit, used, included: limit, unit, percentUsed: percentOf(used, limit) }]
      : [];
  const resetsAt = instantOf(get('resetsAt'));
  return {
    remaining,
    unit,
    quotas,
    usedThisPeriod: used,
    usage: [],
    fetchedAt: now.toISOString(),
    extras: { ...(resetsAt ? { resetsAt } : {}), ...(spentTotal !== null ? { spentTotal } : {}) },
  };
}

/** What "Test connection" shows for an endpoint: each value read, and the answer's shape with its values masked. */
export interface Probe {
  readings: { field: ReadField; source: string; value: string }[];
  shape: Message | null;
  /** Why the values could not be used, when the endpoint answered but an expression did not read it. */
  problem: AppFailure | null;
  snapshot: Snapshot | null;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

export async function probe(ctx: FetchContext): Promise<Probe> {
  const { spec, body } = await ask(ctx);
  const shape = shapeOf(body, ctx.secret);
  let readings: Reading[] = [];
  try {
    readings = await readAnswer(body, spec, ctx.account.params ?? {});
    const snapshot = snapshotOf({ spec, readings }, ctx.now);
    return {
      readings: show(readings, ctx.secret),
      shape,
      problem: null,
      snapshot: cleanStrings(snapshot, ctx.secret),
    };
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    return { readings: show(readings, ctx.secret), shape, problem: error, snapshot: null };
  }
}

/** Values the provider sent, as a person sees them: scrubbed of the key, one line, cut short. */
function show(readings: Reading[], secret: string): Probe['readings'] {
  return cleanStrings(
    readings.map((r) => ({ field: r.field, source: r.source, value: shown(r.value) })),
    secret,
  );
}

/** The custom JSON engine, as the adapter of the custom provider or of one preset. */
export function customEngine(id: ProviderId): ProviderAdapter<CustomRaw> {
  return {
    id,
    async fetch(ctx) {
      const { spec, body } = await ask(ctx);
      return { spec, readings: await readAnswer(body, spec, ctx.account.params ?? {}) };
    },
    normalize: snapshotOf,
  };
}

export const custom = customEngine('custom');

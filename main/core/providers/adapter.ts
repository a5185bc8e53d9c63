import type { Account } from '../../../shared/config';
import { describeIssues } from '../../../shared/config';
import type { MessageKey } from '../../../shared/i18n/catalog';
import { type Message, message } from '../../../shared/message';
import { type HistoryPoint, Snapshot } from '../../../shared/model';
import { PROVIDERS, type ProviderId } from '../../../shared/providers';
import { z } from '../../../shared/zod';
import { AppFailure } from '../errors';
import { scrubSecret } from './failure';
import { cleanDetail, type HttpClient } from './http';

export interface FetchContext {
  account: Account;
  secret: string;
  http: HttpClient;
  signal?: AbortSignal;
  now: Date;
  /** For a cost report: the first UTC day (`YYYY-MM-DD`) this poll reads (main/core/ledger/cost-window.ts). */
  costsFrom?: string;
}

/**
 * One provider: `fetch` does the I/O and validates what came back; `normalize` is pure, so fixtures written from
 * the provider's document test it without a network.
 */
export interface ProviderAdapter<Raw> {
  id: ProviderId;
  fetch(ctx: FetchContext): Promise<Raw>;
  normalize(raw: Raw, now: Date): Snapshot;
  /** History to start a new account with (the demo's simulated year); most providers have none. */
  initialHistory?(accountId: string, now: number): HistoryPoint[];
}

/** What "Test connection" can show beyond the value: each expression's reading and the answer's masked shape. */
export interface ProbeResult {
  readings: { field: string; source: string; value: string }[];
  shape: Message | null;
  problem: AppFailure | null;
  snapshot: Snapshot | null;
}

/** The registry's view of an adapter: one call from account to snapshot. */
export interface Poller {
  id: ProviderId;
  poll(ctx: FetchContext): Promise<Snapshot>;
  initialHistory?(accountId: string, now: number): HistoryPoint[];
  /** Endpoints read by expressions (custom, presets) can show what each read. */
  probe?(ctx: FetchContext): Promise<ProbeResult>;
}

export function toPoller<Raw>(adapter: ProviderAdapter<Raw>): Poller {
  return {
    id: adapter.id,
    ...(adapter.initialHistory ? { initialHistory: adapter.initialHistory } : {}),
    async poll(ctx) {
      const raw = await adapter.fetch(ctx);
      // Arithmetic on extreme numbers (1e308 × 100) can leave the finite range: such an answer is refused whole.
      const snapshot = Snapshot.safeParse(cleanStrings(adapter.normalize(raw, ctx.now), ctx.secret));
      if (!snapshot.success) {
        throw new AppFailure('bad_response', message('answer.outOfRange'));
      }
      return snapshot.data;
    },
  };
}

/**
 * Every string a provider sent (operation names, plans, units, keys of maps) is shown to a person and kept in the
 * cache: a key the provider echoed is scrubbed (the one place every adapter's answer passes), control and
 * bidi-override characters go (so "\u202Eexe.gnp" cannot pose as "png.exe"), and each is capped in length.
 */
export function cleanStrings<T>(value: T, secret?: string): T {
  const clean = (text: string) => cleanDetail(scrubSecret(text, secret));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [clean(k), walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * A provider's map (metric name → value) as a list of entries, read as plain data: a record schema assigns each
 * key to a new object, and a key named `__proto__` would set the prototype instead and vanish, taking its
 * value (a metric at 99 %) with it.
 */
export function plainEntries<T extends z.ZodMiniType>(value: T) {
  return z.pipe(
    z.transform((input: unknown) =>
      input !== null && typeof input === 'object' && !Array.isArray(input) ? Object.entries(input) : input,
    ),
    z.array(z.tuple([z.string(), value])),
  );
}

/** Validates a provider answer; drift becomes a `bad_response` that names the field, never a crash. */
export function parseAnswer<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
  what: MessageKey,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // The first issue only: a drifted answer fails in one place a person can name to the provider.
  throw new AppFailure(
    'bad_response',
    message('answer.shape', {
      what: message(what),
      problem: describeIssues({ issues: result.error.issues.slice(0, 1) }),
    }),
  );
}

/** The account's base URL joined with an API path, keeping any path prefix the base URL has. */
export function endpoint(account: Account, path: string, query?: Record<string, string | number>): string {
  const base = account.baseUrl ?? PROVIDERS[account.provider].defaultBaseUrl;
  if (!base) throw new AppFailure('config', message('answer.needsBaseUrl'));
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
  return url.href;
}

/** Provider timestamps: ISO 8601, read as UTC when they carry no offset. Null when unreadable. */
export function toInstant(value: string | number): string | null {
  const ms =
    typeof value === 'number' ? value : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function startOfMonthUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function percentOf(used: number, included: number): number {
  // A refund or a credit can make `used` negative: nothing of the quota is used, not -400 % of it.
  if (used <= 0) return 0;
  if (included > 0) return (used / included) * 100;
  return 100;
}

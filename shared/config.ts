import { type AccountFieldPath, PROVIDERS, ProviderId } from './providers';
import { urlProblem } from './url-policy';
import { z } from './zod';

export const ACCOUNT_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

const SafeUrl = z.string().check(
  z.superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `This URL ${problem}` });
  }),
);

/** RFC 6901: empty (the whole document) or slash-separated tokens where `~` is only `~0` or `~1`. */
const JsonPointer = z
  .string()
  .check(z.regex(/^(\/([^~]|~[01])*)*$/, 'must be a JSON pointer such as /data/credits/balance (RFC 6901)'));

/**
 * Headers the HTTP stack sets itself (the Fetch standard's forbidden request headers): a key sent in one would break
 * every request, or be dropped, so they are refused where they are typed.
 */
const FORBIDDEN_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/** An API key as typed or piped: one line, no control characters (a CR or LF would break every request). */
export const ApiKeyText = z
  .string()
  .check(
    z.minLength(1, 'is empty'),
    z.maxLength(4096),
    z.regex(
      /^[^\p{Cc}]+$/u,
      'must be one line with no control characters (a line break or tab inside the key)',
    ),
  );

export const CustomEndpoint = z.strictObject({
  method: z._default(z.enum(['GET', 'POST']), 'GET'),
  url: SafeUrl,
  authHeader: z._default(
    z.string().check(
      z.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name such as Authorization'),
      z.refine(
        (name) => !FORBIDDEN_HEADERS.has(name.toLowerCase()) && !/^(proxy-|sec-)/i.test(name),
        'is a header the HTTP stack sets itself; use one such as Authorization or X-Api-Key',
      ),
    ),
    'Authorization',
  ),
  /** Empty means the header carries the bare key. */
  authScheme: z._default(
    z.string().check(z.regex(/^[A-Za-z0-9._-]{0,32}$/, 'must be one word such as Bearer, or empty')),
    'Bearer',
  ),
  remainingPointer: JsonPointer,
  limitPointer: z.optional(JsonPointer),
  usedPointer: z.optional(JsonPointer),
  unit: z._default(z.string().check(z.minLength(1), z.maxLength(24)), 'credits'),
});
export type CustomEndpoint = z.infer<typeof CustomEndpoint>;

export const AlertThresholds = z.strictObject({
  warnBelow: z.optional(z.number()),
  criticalBelow: z.optional(z.number()),
  warnPercent: z.optional(z.number().check(z.gte(0), z.lte(1000))),
  criticalPercent: z.optional(z.number().check(z.gte(0), z.lte(1000))),
});
export type AlertThresholds = z.infer<typeof AlertThresholds>;

export const Account = z
  .strictObject({
    id: z.string().check(z.regex(ACCOUNT_ID_PATTERN, 'must be 1 to 40 characters of a-z, 0-9 and -')),
    provider: ProviderId,
    label: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(80),
        z.regex(/^[^\p{Cc}\p{Cf}]*$/u, 'must not contain control or text-direction characters'),
      ),
    baseUrl: z.optional(SafeUrl),
    userId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    custom: z.optional(CustomEndpoint),
    pollSeconds: z.optional(z.int().check(z.gte(2), z.lte(86_400))),
    adaptive: z.optional(z.boolean()),
    alerts: z.optional(AlertThresholds),
  })
  .check(
    z.superRefine((account, ctx) => {
      // What each provider requires is its descriptor's: the same list the form and the CLI's flags are made from.
      const info = PROVIDERS[account.provider];
      for (const field of info.fields) {
        if (!field.required || fieldValue(account, field.path) !== undefined) continue;
        const [head, tail] = field.path.split('.') as [string, string | undefined];
        if (tail !== undefined && account.custom === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [head],
            message: `is required for a ${info.displayName} account`,
          });
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: tail === undefined ? [head] : [head, tail],
          message:
            field.path === 'baseUrl'
              ? `is required: ${info.displayName} publishes no host, so give the one your account uses`
              : `is required for ${info.displayName}`,
        });
      }
    }),
  );
export type Account = z.infer<typeof Account>;

/**
 * What an account is, beyond its id: its provider, the host or endpoint it asks, and the user it reads. Cached
 * values, history and alert state belong to this; when it changes, they are the old account's, not this one's.
 */
export function accountIdentity(account: Account): string {
  const host = (account.baseUrl ?? PROVIDERS[account.provider].defaultBaseUrl ?? '').replace(/\/+$/, '');
  return JSON.stringify([account.provider, host, account.custom?.url ?? null, account.userId ?? null]);
}

/** The value at a descriptor field's path in an account (a top-level field or one of the custom endpoint's). */
export function fieldValue(
  account: { baseUrl?: string; userId?: string; custom?: Record<string, unknown> },
  path: AccountFieldPath,
): string | undefined {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value = tail === undefined ? (account as Record<string, unknown>)[head] : account.custom?.[tail];
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * A change to one account: each field given replaces it, `null` removes an optional one, a field left out stays as
 * it is. The id and the provider never change (they name the key, the cache and the history). The result is
 * validated whole as an Account.
 */
export const AccountPatch = z.strictObject({
  label: z.optional(z.string()),
  baseUrl: z.optional(z.nullable(z.string())),
  userId: z.optional(z.nullable(z.string())),
  custom: z.optional(z.nullable(CustomEndpoint)),
  pollSeconds: z.optional(z.nullable(z.number())),
  adaptive: z.optional(z.nullable(z.boolean())),
  alerts: z.optional(z.nullable(AlertThresholds)),
});
export type AccountPatch = z.infer<typeof AccountPatch>;

const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 22:00'));

export const Settings = z.strictObject({
  /** Local times; alerts raised in between are held and delivered as one summary when quiet hours end. */
  quietHours: z.optional(z.strictObject({ start: ClockTime, end: ClockTime })),
  /** Thresholds for accounts that set none of their own. */
  defaultAlerts: z.optional(AlertThresholds),
  /** How the popover writes amounts: 1,840 (full) or 1.8k (compact). */
  numberFormat: z.optional(z.enum(['full', 'compact'])),
  theme: z.optional(z.enum(['system', 'light', 'dark'])),
});
export type Settings = z.infer<typeof Settings>;

/** A change to the settings, with the same rules as an account patch; the result is validated as Settings. */
export const SettingsPatch = z.strictObject({
  quietHours: z.optional(z.nullable(Settings.def.shape.quietHours)),
  defaultAlerts: z.optional(z.nullable(AlertThresholds)),
  numberFormat: z.optional(z.nullable(z.enum(['full', 'compact']))),
  theme: z.optional(z.nullable(z.enum(['system', 'light', 'dark']))),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Applies a patch: a value replaces, `null` removes, a field left out stays. */
export function applyPatch(base: object, patch: object): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** The thresholds that apply to an account: its own, else the defaults from settings. */
export function effectiveAccount(account: Account, settings: Settings | undefined): Account {
  return account.alerts || !settings?.defaultAlerts
    ? account
    : { ...account, alerts: settings.defaultAlerts };
}

export const ConfigFile = z
  .strictObject({
    version: z.literal(1),
    accounts: z.array(Account),
    settings: z.optional(Settings),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = new Set<string>();
      config.accounts.forEach((account, index) => {
        if (seen.has(account.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', index, 'id'],
            message: `"${account.id}" is used twice`,
          });
        }
        seen.add(account.id);
      });
    }),
  );
export type ConfigFile = z.infer<typeof ConfigFile>;

/** Turns zod issues into lines a person can act on: the field path, then what is wrong with it. */
export function describeIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
      return `${where}: ${issue.message}`;
    })
    .join('\n');
}

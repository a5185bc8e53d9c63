import { PROVIDERS, ProviderId } from './providers';
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

export const CustomEndpoint = z.strictObject({
  method: z._default(z.enum(['GET', 'POST']), 'GET'),
  url: SafeUrl,
  authHeader: z._default(
    z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name such as Authorization')),
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
      const info = PROVIDERS[account.provider];
      if (info.needsCustom && !account.custom) {
        ctx.addIssue({ code: 'custom', path: ['custom'], message: 'is required for a custom JSON account' });
      }
      if (info.needsNetwork && !info.needsCustom && info.defaultBaseUrl === null && !account.baseUrl) {
        ctx.addIssue({
          code: 'custom',
          path: ['baseUrl'],
          message: `is required: ${info.displayName} publishes no host, so give the one your account uses`,
        });
      }
      if (info.needsUserId && !account.userId) {
        ctx.addIssue({ code: 'custom', path: ['userId'], message: `is required for ${info.displayName}` });
      }
    }),
  );
export type Account = z.infer<typeof Account>;

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

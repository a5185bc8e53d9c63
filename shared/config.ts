import { z } from 'zod';
import { PROVIDERS, ProviderId } from './providers';
import { urlProblem } from './url-policy';

export const ACCOUNT_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

const SafeUrl = z.string().superRefine((value, ctx) => {
  const problem = urlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `This URL ${problem}` });
});

/** RFC 6901: empty (the whole document) or slash-separated tokens where `~` is only `~0` or `~1`. */
const JsonPointer = z
  .string()
  .regex(/^(\/([^~]|~[01])*)*$/, 'must be a JSON pointer such as /data/credits/balance (RFC 6901)');

export const CustomEndpoint = z.strictObject({
  method: z.enum(['GET', 'POST']).default('GET'),
  url: SafeUrl,
  authHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name such as Authorization')
    .default('Authorization'),
  /** Empty means the header carries the bare key. */
  authScheme: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,32}$/, 'must be one word such as Bearer, or empty')
    .default('Bearer'),
  remainingPointer: JsonPointer,
  limitPointer: JsonPointer.optional(),
  usedPointer: JsonPointer.optional(),
  unit: z.string().min(1).max(24).default('credits'),
});
export type CustomEndpoint = z.infer<typeof CustomEndpoint>;

export const AlertThresholds = z.strictObject({
  warnBelow: z.number().optional(),
  criticalBelow: z.number().optional(),
  warnPercent: z.number().min(0).max(1000).optional(),
  criticalPercent: z.number().min(0).max(1000).optional(),
});
export type AlertThresholds = z.infer<typeof AlertThresholds>;

export const Account = z
  .strictObject({
    id: z.string().regex(ACCOUNT_ID_PATTERN, 'must be 1 to 40 characters of a-z, 0-9 and -'),
    provider: ProviderId,
    label: z.string().min(1).max(80),
    baseUrl: SafeUrl.optional(),
    userId: z.string().min(1).max(200).optional(),
    custom: CustomEndpoint.optional(),
    pollSeconds: z.number().int().min(2).max(86_400).optional(),
    adaptive: z.boolean().optional(),
    alerts: AlertThresholds.optional(),
  })
  .superRefine((account, ctx) => {
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
  });
export type Account = z.infer<typeof Account>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 22:00');

export const Settings = z.strictObject({
  /** Local times; alerts raised in between are held and delivered as one summary when quiet hours end. */
  quietHours: z.strictObject({ start: ClockTime, end: ClockTime }).optional(),
  /** Thresholds for accounts that set none of their own. */
  defaultAlerts: AlertThresholds.optional(),
  /** How the popover writes amounts: 1,840 (full) or 1.8k (compact). */
  numberFormat: z.enum(['full', 'compact']).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
});

/** The thresholds that apply to an account: its own, else the defaults from settings. */
export function effectiveAccount(account: Account, settings: Settings | undefined): Account {
  return account.alerts || !settings?.defaultAlerts
    ? account
    : { ...account, alerts: settings.defaultAlerts };
}
export type Settings = z.infer<typeof Settings>;

export const ConfigFile = z
  .strictObject({
    version: z.literal(1),
    accounts: z.array(Account),
    settings: Settings.optional(),
  })
  .superRefine((config, ctx) => {
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
  });
export type ConfigFile = z.infer<typeof ConfigFile>;

/** Turns zod issues into lines a person can act on: the field path, then what is wrong with it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      return `${where}: ${issue.message}`;
    })
    .join('\n');
}

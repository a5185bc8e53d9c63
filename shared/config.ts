import { Accelerator } from './accelerator';
import { Channel } from './channels';
import { CONFIG_VERSION } from './config-migration';
import {
  CustomEndpoint,
  headersFromText,
  headersToText,
  LATIN1,
  wholeNumberBetween,
} from './custom-endpoint';
import { LANGUAGES } from './i18n/languages';
import { carry, issueMessage, says } from './issue-message';
import { type Message, message } from './message';
import { PresetFile } from './preset-file';
import { type AccountFieldPath, type FieldSpec, PROVIDERS, ProviderId } from './providers';
import { QuietHours } from './quiet-hours';
import { urlProblem } from './url-policy';
import { z } from './zod';

export const ACCOUNT_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

const SafeUrl = z.string().check(
  z.superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: carry('valid.url', { problem }) });
  }),
);

/** The longest key accepted: far beyond any provider's, short enough that reading one costs nothing. */
export const MAX_KEY_CHARS = 4096;

/** An API key as typed or piped: one line, no control characters (a CR or LF would break every request). */
export const ApiKeyText = z.string().check(
  z.minLength(1, says('valid.empty')),
  z.maxLength(MAX_KEY_CHARS, says('valid.atMost', { max: MAX_KEY_CHARS })),
  z.regex(/^[^\p{Cc}]+$/u, says('valid.keyOneLine')),
  // Most providers take the key in a header.
  z.regex(LATIN1, says('valid.latin1')),
);

export { CustomEndpoint, type CustomEndpointInput } from './custom-endpoint';

/** A preset's parameters (Twilio's Account SID), by name; which names and shapes are allowed is its descriptor's. */
const Params = z.record(
  z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/)),
  z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\p{Cc}]*$/u, says('valid.oneLine'))),
);

export const AlertThresholds = z.strictObject({
  warnBelow: z.optional(z.number()),
  criticalBelow: z.optional(z.number()),
  warnPercent: z.optional(z.number().check(z.gte(0), z.lte(1000))),
  criticalPercent: z.optional(z.number().check(z.gte(0), z.lte(1000))),
  /**
   * A balance with no level of its own is judged by its runway: a warning when it runs out within this many days
   * at its recent pace, critical within `criticalDays` (7 and 2 when not set).
   */
  warnDays: z.optional(z.number().check(z.gt(0), z.lte(365))),
  criticalDays: z.optional(z.number().check(z.gt(0), z.lte(365))),
});
export type AlertThresholds = z.infer<typeof AlertThresholds>;

export const Account = z
  .strictObject({
    id: z.string().check(z.regex(ACCOUNT_ID_PATTERN, says('valid.id'))),
    provider: ProviderId,
    label: z
      .string()
      .check(
        z.minLength(1, says('valid.empty')),
        z.maxLength(80, says('valid.atMost', { max: 80 })),
        z.regex(/^[^\p{Cc}\p{Cf}]*$/u, says('valid.noControlOrBidi')),
      ),
    baseUrl: z.optional(SafeUrl),
    userId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    custom: z.optional(CustomEndpoint),
    params: z.optional(Params),
    pollSeconds: z.optional(wholeNumberBetween(2, 86_400)),
    adaptive: z.optional(z.boolean()),
    alerts: z.optional(AlertThresholds),
  })
  .check(
    z.superRefine((account, ctx) => {
      // What each provider requires is its descriptor's: the same list the form and the CLI's flags are made from.
      const info = PROVIDERS[account.provider];
      if (account.custom !== undefined && account.provider !== 'custom') {
        ctx.addIssue({
          code: 'custom',
          path: ['custom'],
          message: carry('valid.customOnly', { provider: info.displayName }),
        });
      }
      checkParams(account.params ?? {}, info.fields as readonly FieldSpec[], (path, message) =>
        ctx.addIssue({ code: 'custom', path, message }),
      );
      for (const field of info.fields) {
        if (!field.required || fieldValue(account, field.path) !== undefined) continue;
        const [head, tail] = field.path.split('.') as [string, string | undefined];
        // A custom endpoint's schema judges its own fields, in its own words: said once, not twice.
        if (head === 'custom' && account.custom !== undefined) continue;
        if (head === 'custom' && account.custom === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [head],
            message: carry('valid.requiredForAccount', { provider: info.displayName }),
          });
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: tail === undefined ? [head] : [head, tail],
          message:
            field.path === 'baseUrl'
              ? carry('valid.baseUrlRequired', { provider: info.displayName })
              : carry('valid.requiredFor', { provider: info.displayName }),
        });
      }
    }),
  );
export type Account = z.infer<typeof Account>;

/** Each parameter given is one the provider declares, in the shape it declares; no other name is kept. */
function checkParams(
  params: Record<string, string>,
  fields: readonly FieldSpec[],
  issue: (path: string[], message: string) => void,
): void {
  const declared = new Map(
    fields.filter((f) => f.path.startsWith('params.')).map((f) => [f.path.slice('params.'.length), f]),
  );
  for (const [name, value] of Object.entries(params)) {
    const field = declared.get(name);
    if (!field) {
      issue(['params', name], carry('valid.notASetting'));
    } else if (field.pattern && !new RegExp(field.pattern.regex).test(value)) {
      issue(['params', name], carry(field.pattern.message));
    } else if (field.choices && !field.choices.includes(value)) {
      issue(['params', name], carry('valid.oneOf', { choices: field.choices.join(', ') }));
    }
  }
}

/**
 * What an account is, beyond its id: its provider, the host or endpoint it asks, and the user it reads. Cached
 * values, history and alert state belong to this; when it changes, they are the old account's, not this one's.
 */
export function accountIdentity(account: Account): string {
  const host = sameUrl(account.baseUrl ?? PROVIDERS[account.provider].defaultBaseUrl ?? '');
  const params = account.params
    ? Object.entries(account.params).sort(([a], [b]) => a.localeCompare(b))
    : null;
  // Written as before when there are no parameters, so accounts recorded earlier keep their identity.
  return JSON.stringify([
    account.provider,
    host,
    account.custom?.url === undefined ? null : sameUrl(account.custom.url),
    account.userId ?? null,
    ...(params ? [params] : []),
  ]);
}

/**
 * A URL as the same address however it is written: `HTTP://API.Example.com:443/./v1/` and
 * `https://api.example.com/v1` differ only in spelling (a case, a default port, a dot segment, a trailing slash),
 * and an edit that only respells it must not take an account's history away.
 */
function sameUrl(raw: string): string {
  try {
    return new URL(raw.trim()).href.replace(/\/+$/, '');
  } catch {
    return raw.trim().replace(/\/+$/, '');
  }
}

/** Whether two recorded identities are one account, whichever version wrote them (an older one kept URLs as typed). */
export function sameIdentity(a: string, b: string): boolean {
  const normal = (identity: string): string => {
    try {
      const fields = JSON.parse(identity) as unknown[];
      if (typeof fields[1] === 'string') fields[1] = sameUrl(fields[1]);
      if (typeof fields[2] === 'string') fields[2] = sameUrl(fields[2]);
      return JSON.stringify(fields);
    } catch {
      return identity;
    }
  };
  return a === b || normal(a) === normal(b);
}

/** The value at a descriptor field's path in an account (a top-level field or one of the custom endpoint's). */
export function fieldValue(
  account: { baseUrl?: string; userId?: string; custom?: object; params?: Record<string, string> },
  path: AccountFieldPath,
): string | undefined {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const group = head === 'params' ? account.params : (account.custom as Record<string, unknown> | undefined);
  const value = tail === undefined ? (account as Record<string, unknown>)[head] : group?.[tail];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return headersToText(value as Record<string, string>);
  return String(value);
}

/**
 * A field's value as typed (in the form or as a CLI flag) in the shape the account holds it: headers as a map, a
 * number as a number, a choice as the descriptor spells it. Anything else stays text for the schema to judge.
 */
export function fieldInput(field: FieldSpec, text: string): unknown {
  if (field.kind === 'headers') {
    const typed = headersFromText(text);
    return 'headers' in typed ? typed.headers : text;
  }
  if (field.kind === 'number') return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
  if (field.kind === 'choice')
    return field.choices?.find((c) => c.toLowerCase() === text.toLowerCase()) ?? text;
  return text;
}

/** Typed text that is not a whole number, said as such before the schema sees it; null when it is one. */
export function wholeNumberProblem(text: string): Message | null {
  return /^\s*\d+\s*$/.test(text) ? null : message('valid.wholeNumber');
}

/** What is wrong with a field's typed text before the schema sees it (a header line with no colon), or null. */
export function fieldProblem(field: FieldSpec, text: string): Message | null {
  if (field.kind === 'number') return wholeNumberProblem(text);
  if (field.kind !== 'headers') return null;
  const typed = headersFromText(text);
  return 'problem' in typed ? typed.problem : null;
}

/**
 * An account's fields from the text typed for each (the form's boxes, the CLI's flags), the one way both build
 * one: each field's text made its value, empty ones left out (unless empty is a value there), custom and params
 * grouped. Text the schema would only call "not a map" (a header line without a colon) is named per field, in its
 * words. The schema then validates the whole.
 */
export function accountDraft(
  fields: readonly FieldSpec[],
  textOf: (field: FieldSpec) => string | undefined,
): { draft: Record<string, unknown>; problems: { field: FieldSpec; problem: Message }[] } {
  const draft: Record<string, unknown> = {};
  const problems: { field: FieldSpec; problem: Message }[] = [];
  for (const field of fields) {
    const text = textOf(field);
    if (text === undefined || (text === '' && !field.emptyIsAValue)) continue;
    const problem = fieldProblem(field, text);
    if (problem) {
      problems.push({ field, problem });
      continue;
    }
    const [head, tail] = field.path.split('.') as [string, string | undefined];
    const input = fieldInput(field, text);
    if (tail === undefined) draft[head] = input;
    else draft[head] = { ...(draft[head] as object | undefined), [tail]: input };
  }
  return { draft, problems };
}

/** A patch's field: an optional field may also be null (removed); a required one may only be given or left out. */
type PatchField<S extends z.ZodMiniType> =
  S extends z.ZodMiniOptional<infer Inner>
    ? z.ZodMiniOptional<z.ZodMiniNullable<Inner>>
    : z.ZodMiniOptional<S>;
type PatchShape<Shape extends Record<string, z.ZodMiniType>, Fixed extends keyof Shape> = {
  [K in Exclude<keyof Shape, Fixed>]: PatchField<Shape[K]>;
};

/**
 * The patch of an object schema, derived from it rather than listed by hand: each field given replaces it, `null`
 * removes an optional one, a field left out stays. `fixed` are the fields a patch never changes.
 */
function patchOf<Shape extends Record<string, z.ZodMiniType>, Fixed extends keyof Shape & string>(
  shape: Shape,
  fixed: readonly Fixed[],
) {
  const fields: Record<string, z.ZodMiniType> = {};
  for (const [name, schema] of Object.entries(shape)) {
    if ((fixed as readonly string[]).includes(name)) continue;
    fields[name] =
      schema instanceof z.ZodMiniOptional ? z.optional(z.nullable(schema.def.innerType)) : z.optional(schema);
  }
  return z.strictObject(fields as PatchShape<Shape, Fixed>);
}

/**
 * A change to one account. The id and the provider never change (they name the key, the cache and the history).
 * The result is validated whole as an Account.
 */
export const AccountPatch = patchOf(Account.def.shape, ['id', 'provider']);
export type AccountPatch = z.infer<typeof AccountPatch>;

/**
 * What the tray number shows. Every field may be left out: the worst account, its headline figure (credits left
 * for prepaid, percent used for quotas), and on macOS the number as a title beside the icon.
 */
export const BadgeChoice = z.strictObject({
  source: z.optional(z.enum(['worst', 'pinned', 'sum'])),
  /** The pinned account; when it is gone the worst account speaks again. */
  accountId: z.optional(z.string().check(z.regex(ACCOUNT_ID_PATTERN, says('valid.accountId')))),
  /** The unit summed ("USD", "credits"); left out, the unit most accounts share. */
  unit: z.optional(
    z
      .string()
      .check(z.minLength(1), z.maxLength(40), z.regex(/^[^\p{Cc}\p{Cf}]*$/u, says('valid.plainText'))),
  ),
  figure: z.optional(z.enum(['remaining', 'percent'])),
  macos: z.optional(z.enum(['title', 'icon'])),
});
export type BadgeChoice = z.infer<typeof BadgeChoice>;

export const Settings = z.strictObject({
  /** Local times; alerts raised in between are held and delivered as one summary when quiet hours end. */
  quietHours: z.optional(QuietHours),
  /** Thresholds for accounts that set none of their own. */
  defaultAlerts: z.optional(AlertThresholds),
  /** How the popover writes amounts: 1,840 (full) or 1.8k (compact). */
  numberFormat: z.optional(z.enum(['full', 'compact'])),
  theme: z.optional(z.enum(['system', 'light', 'dark'])),
  /** Serve /metrics (Prometheus) and /api/v1/accounts on 127.0.0.1:9464 while the app runs, as `creditbar serve` does. */
  serveMetrics: z.optional(z.boolean()),
  badge: z.optional(BadgeChoice),
  /** A global shortcut that opens and closes the popover; none unless the person records one. */
  shortcut: z.optional(Accelerator),
  /** Alert when a day's spend is over three times the median day of the two weeks before; off unless set. */
  spendSpikes: z.optional(z.boolean()),
  /** The language of the popover, tray menu and notifications; left out, the OS's. */
  language: z.optional(z.enum(LANGUAGES)),
  /** Check for updates at start and every 6 hours; on unless set to false (shared/updates.ts). */
  checkForUpdates: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof Settings>;

/** A change to the settings, with the same rules as an account patch; the result is validated as Settings. */
export const SettingsPatch = patchOf(Settings.def.shape, []);
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
  const defaults = settings?.defaultAlerts;
  if (!defaults) return account;
  if (!account.alerts) return { ...account, alerts: defaults };
  // The runway's days are a default of their own: an account's percent levels do not unset them.
  const days = Object.fromEntries(
    (['warnDays', 'criticalDays'] as const).flatMap((key) =>
      defaults[key] !== undefined && account.alerts?.[key] === undefined ? [[key, defaults[key]]] : [],
    ),
  );
  return Object.keys(days).length > 0 ? { ...account, alerts: { ...days, ...account.alerts } } : account;
}

export const ConfigFile = z
  .strictObject({
    version: z.literal(CONFIG_VERSION),
    accounts: z.array(Account),
    settings: z.optional(Settings),
    /** Presets added from files (`creditbar providers add FILE`): templates for custom accounts. */
    presets: z.optional(z.array(PresetFile)),
    /** Where alerts go besides the desktop: webhooks, chat, ntfy, Telegram, email (shared/channels.ts). */
    channels: z.optional(z.array(Channel)),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = new Set<string>();
      config.accounts.forEach((account, index) => {
        if (seen.has(account.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', index, 'id'],
            message: carry('valid.idTwice', { id: account.id }),
          });
        }
        seen.add(account.id);
      });
    }),
  );
export type ConfigFile = z.infer<typeof ConfigFile>;

/**
 * Turns zod issues into lines a person can act on: the field path, then what is wrong with it, as a message said
 * where it is shown (the schemas' words travel as messages: shared/issue-message.ts).
 */
export function describeIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Message {
  return {
    key: 'text.asIs',
    params: {
      text: {
        lines: error.issues.map((issue) =>
          issue.path.length > 0
            ? message('valid.issueAt', {
                where: issue.path.map(String).join('.'),
                problem: issueMessage(issue),
              })
            : message('valid.issueAtTop', { problem: issueMessage(issue) }),
        ),
      },
    },
  };
}

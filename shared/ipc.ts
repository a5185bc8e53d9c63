import { AppState } from './app-state';
import { Channel } from './channels';
import {
  ACCOUNT_ID_PATTERN,
  Account,
  AccountPatch,
  AlertThresholds,
  ApiKeyText,
  SettingsPatch,
} from './config';
import { LANGUAGES } from './i18n/languages';
import { LedgerEntry, LedgerEntryKind } from './ledger';
import { MessageSchema } from './message';
import { ErrorKind } from './model';
import { z } from './zod';

/** Every call answers with a result object, never a thrown error across the bridge. */
export const IpcError = z.object({
  kind: z.union([ErrorKind, z.literal('invalid_request')]),
  /** Said by the page, in its language. */
  message: MessageSchema,
});
export type IpcError = z.infer<typeof IpcError>;
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const AccountId = z.string().check(z.regex(ACCOUNT_ID_PATTERN));
/** A key travels only renderer → main, when the person types it; it is never sent back. */
const ApiKey = ApiKeyText;

export const HistoryPointView = z.object({
  t: z.number(),
  remaining: z.nullable(z.number()),
  maxPercent: z.nullable(z.number()),
});

/** The single table of invoke channels: request and response schema for each. */
/** A chart image is a few hundred KB at most; this bounds what a page can make main decode and write. */
export const MAX_PNG_BASE64 = 8 * 1024 * 1024;

export const INVOKE = {
  'state:get': { request: z.strictObject({}), response: AppState },
  'accounts:refresh': { request: z.strictObject({ accountId: z.optional(AccountId) }), response: z.null() },
  'accounts:test': {
    request: z.strictObject({ account: Account, key: z.optional(ApiKey) }),
    response: z.object({
      remaining: z.nullable(z.number()),
      unit: z.nullable(z.string()),
      quotas: z.int(),
      /** What a cost report (or a `spent` endpoint) says was spent this month: its only figure before a balance. */
      usedThisPeriod: z.nullable(z.number()),
      /** Endpoints read by expressions: what each one read, shown so a person can write them. */
      readings: z.array(z.object({ field: z.string(), source: z.string(), value: z.string() })),
      /** The answer's keys and types, every value masked; null for providers Creditbar reads itself. */
      shape: z.nullable(MessageSchema),
      /** The endpoint answered, but its values could not be read: why, in words. */
      problem: z.nullable(z.object({ kind: ErrorKind, message: MessageSchema })),
    }),
  },
  /** `key` is required for every provider but the demo, which has none. */
  'accounts:add': {
    request: z.strictObject({ account: Account, key: z.optional(ApiKey) }),
    response: z.null(),
  },
  /** Changes only the fields in `patch`; the rest of the account stays as it is. */
  'accounts:update': {
    request: z.strictObject({ accountId: AccountId, patch: AccountPatch, key: z.optional(ApiKey) }),
    response: z.null(),
  },
  'accounts:remove': { request: z.strictObject({ accountId: AccountId }), response: z.null() },
  'alerts:set-thresholds': {
    request: z.strictObject({ accountId: AccountId, alerts: AlertThresholds }),
    response: z.null(),
  },
  'alerts:snooze': {
    request: z.strictObject({ accountId: AccountId, until: z.nullable(z.iso.datetime({ offset: true })) }),
    response: z.null(),
  },
  'settings:set': {
    request: z.strictObject({ patch: SettingsPatch, launchAtLogin: z.optional(z.boolean()) }),
    response: z.null(),
  },
  'history:get': {
    request: z.strictObject({
      accountId: AccountId,
      from: z.number(),
      to: z.number(),
      maxPoints: z.int().check(z.gte(2), z.lte(10_000)),
    }),
    response: z.array(HistoryPointView),
  },
  /** Asks where to save, then streams the account's history there as CSV; false when the person cancelled. */
  'history:export': { request: z.strictObject({ accountId: AccountId }), response: z.boolean() },
  /**
   * The chart the person sees, as a PNG drawn in the page: main checks it is a PNG of a sane size, asks where to
   * save it, and writes it; false when the person cancelled.
   */
  'history:export-png': {
    request: z.strictObject({ accountId: AccountId, png: z.base64().check(z.maxLength(MAX_PNG_BASE64)) }),
    response: z.boolean(),
  },
  /** The catalog of the language main speaks (AppState.language): the page carries none of its own. */
  'i18n:get': {
    request: z.strictObject({ language: z.enum(LANGUAGES) }),
    // Each message parsed by main (ICU's element tree): the page formats but never parses.
    response: z.record(
      z.string().check(z.maxLength(100)),
      z.array(z.looseObject({ type: z.int().check(z.gte(0), z.lte(8)) })).check(z.maxLength(200)),
    ),
  },
  /** A ledger account's stated balances and top-ups, in the order they were made. */
  'ledger:get': { request: z.strictObject({ accountId: AccountId }), response: z.array(LedgerEntry) },
  /**
   * States the balance the vendor's console shows, or records a top-up: `amount` as typed (checked by main, which
   * says what is wrong with it), `at` when it was read or bought (now when not given). The note says how the
   * stated day was counted when the vendor could not be read.
   */
  'ledger:record': {
    request: z.strictObject({
      accountId: AccountId,
      kind: LedgerEntryKind,
      amount: z.string().check(z.maxLength(40)),
      at: z.optional(z.iso.datetime({ offset: true })),
    }),
    response: z.object({ entry: LedgerEntry, note: z.nullable(MessageSchema) }),
  },
  'ledger:remove': {
    request: z.strictObject({ accountId: AccountId, entryId: z.string().check(z.maxLength(20)) }),
    response: z.null(),
  },
  /** Where alerts go besides the desktop, each with the deliveries it gave up (the last one's why). */
  'channels:list': {
    request: z.strictObject({}),
    response: z.array(
      z.object({ channel: Channel, failed: z.int(), lastProblem: z.nullable(MessageSchema) }),
    ),
  },
  /** The secret (a webhook's URL, a bot's token, a password) goes to the keychain, never the config. */
  'channels:add': {
    request: z.strictObject({
      channel: Channel,
      secret: z.string().check(z.maxLength(4096)),
      signingKey: z.optional(z.string().check(z.maxLength(4096))),
    }),
    response: z.null(),
  },
  /** Changes a channel's fields; a secret given replaces the kept one, none keeps it. */
  'channels:update': {
    request: z.strictObject({ channel: Channel, secret: z.string().check(z.maxLength(4096)) }),
    response: z.null(),
  },
  'channels:test': {
    request: z.strictObject({ id: z.string().check(z.maxLength(40)) }),
    response: z.object({ ok: z.boolean(), problem: z.nullable(MessageSchema) }),
  },
  'channels:remove': {
    request: z.strictObject({ id: z.string().check(z.maxLength(40)) }),
    response: z.null(),
  },
  /** "Check for updates" (Settings, the tray menu): checks now, whatever the automatic setting says. */
  'updates:check': { request: z.strictObject({}), response: z.null() },
  /** "Restart to update": installs the downloaded, verified update and starts the new version. */
  'updates:install': { request: z.strictObject({}), response: z.null() },
  'external:open': { request: z.strictObject({ url: z.url({ protocol: /^https$/ }) }), response: z.null() },
  /**
   * The page has loaded and subscribed to pushes: main may now deliver a navigation it held (a notification
   * clicked while the popover did not exist), which sent earlier would go nowhere.
   */
  'popover:ready': { request: z.strictObject({}), response: z.null() },
  /** Escape on the overview: the one dismissal that works where blur never fires (Wayland, some docks). */
  'popover:hide': { request: z.strictObject({}), response: z.null() },
  /** The page's content height in CSS pixels: the window fits it, up to a maximum past which the page scrolls. */
  'popover:fit': {
    request: z.strictObject({ height: z.int().check(z.gte(0), z.lte(20_000)) }),
    response: z.null(),
  },
} as const;

export type InvokeChannel = keyof typeof INVOKE;
/** Channels about the popover window itself, answered by the shell; the rest are the core's. */
export type WindowChannel = 'popover:ready' | 'popover:hide' | 'popover:fit';
export type CoreChannel = Exclude<InvokeChannel, WindowChannel>;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof INVOKE)[C]['request']>;
/** The request as main sees it after validation (defaults filled in). */
export type InvokeParsed<C extends InvokeChannel> = z.output<(typeof INVOKE)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof INVOKE)[C]['response']>;

/**
 * Where a tray menu item or a notification sends the popover. Settings is its own target, so an account whose id
 * happens to be `settings` still opens its own detail.
 */
export const NavigateTarget = z.discriminatedUnion('view', [
  z.object({ view: z.literal('overview') }),
  z.object({ view: z.literal('account'), accountId: AccountId }),
  z.object({ view: z.literal('settings') }),
]);
export type NavigateTarget = z.infer<typeof NavigateTarget>;

/** Pushed main → renderer. */
export const PUSH = {
  'state:changed': AppState,
  navigate: NavigateTarget,
} as const;
export type PushChannel = keyof typeof PUSH;

/** What the preload exposes as `window.creditbar`, and nothing else. */
export type CreditbarApi = {
  [C in InvokeChannel as CamelCase<C>]: (request: InvokeRequest<C>) => Promise<IpcResult<InvokeResponse<C>>>;
} & {
  onStateChanged(listener: (state: AppState) => void): () => void;
  onNavigate(listener: (target: NavigateTarget) => void): () => void;
};

type CamelCase<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** `accounts:set-thresholds` → `accountsSetThresholds`, the method name on `window.creditbar`. */
export function methodName<C extends InvokeChannel>(channel: C): CamelCase<C> {
  return channel.replace(/[:-](\w)/g, (_, c: string) => c.toUpperCase()) as CamelCase<C>;
}

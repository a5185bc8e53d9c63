import { AlertIntent } from './alerts';
import { LANGUAGES } from './i18n/languages';
import { carried, carry, says } from './issue-message';
import { message } from './message';
import { Level } from './model';
import { QuietHours } from './quiet-hours';
import { urlProblem } from './url-policy';
import { z } from './zod';

/**
 * A place alerts go besides the desktop. What is secret about it (a webhook's URL, a bot's token, a password)
 * is never here: it is kept in the keychain, or given as CREDITBAR_CHANNEL_<ID> where there is none.
 */
export const CHANNEL_TYPES = ['webhook', 'slack', 'discord', 'teams', 'ntfy', 'telegram', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** A field left out says it is needed, in the reader's words, rather than zod's "expected string, received undefined". */
const needed = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? carried(message('valid.needed')) : undefined,
};

const ChannelId = z.string(needed).check(z.regex(/^[a-z0-9-]{1,40}$/, says('valid.id')));

const HttpUrl = z.string().check(
  z.superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: carry('valid.url', { problem }) });
  }),
);

const base = {
  id: ChannelId,
  /** The accounts it hears of; all when left out. */
  accounts: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)))),
  /** The least a channel hears of: warnings (low, a rejected key, a drift) or only critical and empty. */
  minLevel: z.optional(z.enum(['warning', 'critical'])),
  /** The app's quiet hours, or its own: alerts in them wait in the outbox until they end. */
  quietHours: z.optional(z.union([z.literal('inherit'), QuietHours])),
  /** The language its messages are written in; the app's when left out. */
  language: z.optional(z.enum(LANGUAGES)),
};

export const Channel = z.discriminatedUnion('type', [
  /** A JSON POST of the alert (docs/webhook.md); signed with X-Creditbar-Signature when an HMAC key is kept. */
  z.strictObject({ ...base, type: z.literal('webhook') }),
  z.strictObject({ ...base, type: z.literal('slack') }),
  z.strictObject({ ...base, type: z.literal('discord') }),
  z.strictObject({ ...base, type: z.literal('teams') }),
  z.strictObject({
    ...base,
    type: z.literal('ntfy'),
    server: z._default(HttpUrl, 'https://ntfy.sh'),
    topic: z.string(needed).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, says('valid.topic'))),
  }),
  z.strictObject({
    ...base,
    type: z.literal('telegram'),
    chatId: z.string(needed).check(z.regex(/^-?\d{1,20}$|^@[A-Za-z0-9_]{5,32}$/, says('valid.chatId'))),
    /** The Bot API's host; another only for a local Bot API server (or a test). */
    apiBase: z._default(HttpUrl, 'https://api.telegram.org'),
  }),
  z.strictObject({
    ...base,
    type: z.literal('email'),
    host: z.string(needed).check(z.minLength(1, says('valid.empty')), z.maxLength(253)),
    port: z._default(z.int().check(z.gte(1), z.lte(65535)), 587),
    /** `tls` from the first byte (465), `starttls` upgraded (587: required, never sent in the clear). */
    security: z._default(z.enum(['tls', 'starttls']), 'starttls'),
    user: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    from: z.email({
      error: (issue: { input?: unknown }) =>
        carried(message(issue.input === undefined ? 'valid.needed' : 'valid.email')),
    }),
    to: z
      .array(z.email(says('valid.email')), needed)
      .check(z.minLength(1, says('valid.empty')), z.maxLength(20)),
  }),
]);
export type Channel = z.infer<typeof Channel>;
export type ChannelInput = z.input<typeof Channel>;

/** The keychain item a channel's secret is kept under, beside the accounts' keys. */
export function channelSecretName(id: string): string {
  return `channel:${id}`;
}

/** `CREDITBAR_CHANNEL_<ID>`: a channel's secret where there is no keychain (a server). */
export function channelEnvName(id: string): string {
  return `CREDITBAR_CHANNEL_${id.toUpperCase().replace(/-/g, '_')}`;
}

/** What a channel is told (kept in the outbox until it is delivered): the alert and the account's figures. */
export const ChannelAlert = z.object({
  /** Stays the same through every retry and restart: a receiver that saw it once can drop a repeat. */
  id: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/)),
  at: z.iso.datetime({ offset: true }),
  intent: AlertIntent,
  account: z.nullable(
    z.object({
      id: z.string(),
      label: z.string(),
      provider: z.string(),
      level: Level,
      remaining: z.nullable(z.number()),
      unit: z.nullable(z.string()),
      /** The balance is a ledger's estimate (OpenAI, Anthropic). */
      estimated: z.boolean(),
      daysLeft: z.nullable(z.number()),
      /** Where the person tops the account up (the provider's billing page), when Creditbar knows it. */
      link: z.optional(z.nullable(z.url({ protocol: /^https$/ }))),
    }),
  ),
  /** `channels test`: a clearly marked test, not an alert. */
  test: z.boolean(),
});
export type ChannelAlert = z.infer<typeof ChannelAlert>;

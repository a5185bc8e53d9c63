import type { MessageKey } from './i18n/catalog';
import type { Language } from './i18n/languages';
import { z } from './zod';

/**
 * What a person is to be told, as data: a message key and its arguments. Errors and alerts carry one from where
 * they happen to where they are shown; the tray, a notification, the CLI or the popover makes the text then, in
 * its reader's language (a Translator's `say`, shared/i18n/translator.ts). An argument may itself be a message, or a list of
 * them (said as the language joins a list). Text from a provider (its own error detail) is an argument, never a
 * message of its own.
 */
export interface Message {
  key: MessageKey;
  params?: Readonly<Record<string, MessageArgument>>;
}
/**
 * An amount is written when said, as the reader's language writes numbers and money ("1,840 credits",
 * "1.840 Credits", "$12.50"); without a unit it is a bare number. Days are said as a span ("about 12 days").
 */
export interface Amount {
  amount: number;
  unit?: string | null;
}
export interface Days {
  days: number;
}
/** Messages said one per line (a summary of alerts). */
export interface Lines {
  lines: readonly ReadMessage[];
}
/**
 * Text another library wrote in each language it speaks (zod's own words for a wrong type): the reader's is said,
 * English where it has none of theirs.
 */
export interface InLanguages {
  byLanguage: { en: string } & Partial<Record<Language, string>>;
}
/** What fills in a message's argument; a message inside may be one read back (see ReadMessage). */
export type MessageArgument =
  | string
  | number
  | Amount
  | Days
  | Lines
  | InLanguages
  | ReadMessage
  | readonly ReadMessage[];

/**
 * A message as read back from a file or over IPC, where its key is whatever was written: any text (one no catalog
 * holds is said as the key itself). Every Message is one.
 */
export interface ReadMessage {
  key: string;
  params?: Readonly<Record<string, MessageArgument>>;
}

export function message(key: MessageKey, params?: Message['params']): Message {
  return params ? { key, params } : { key };
}

/** A message read back from a file or over IPC. */
export const MessageSchema: z.ZodMiniType<ReadMessage> = z.lazy(() =>
  z.object({
    key: z.string().check(z.maxLength(100)),
    params: z.optional(
      z.record(
        z.string(),
        z.union([
          z.string(),
          z.number(),
          z.object({ amount: z.number(), unit: z.optional(z.nullable(z.string())) }),
          z.object({ days: z.number() }),
          z.object({ lines: z.array(MessageSchema).check(z.maxLength(200)) }),
          z.object({
            byLanguage: z.object({ en: z.string(), de: z.optional(z.string()), zh: z.optional(z.string()) }),
          }),
          MessageSchema,
          z.array(MessageSchema).check(z.maxLength(20)),
        ]),
      ),
    ),
  }),
);

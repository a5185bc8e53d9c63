import { type Message, MessageSchema, message } from './message';
import { z } from './zod';

export const AlertKind = z.enum([
  'low',
  'quota',
  'runway',
  'empty',
  'key_rejected',
  'recovered',
  'summary',
  /** A ledger account's estimate has drifted: state the balance again. */
  'restate',
  /** A day's spend over three times the usual (off unless Settings turns it on). */
  'spend_spike',
]);
export type AlertKind = z.infer<typeof AlertKind>;

export const Severity = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** What the core decided a person must be told; the shell turns it into a notification, the CLI into a line. */
export const AlertIntent = z.object({
  /** null only for the quiet-hours summary, which spans accounts. */
  accountId: z.nullable(z.string()),
  kind: AlertKind,
  severity: Severity,
  title: MessageSchema,
  body: MessageSchema,
});

/**
 * An alert as kept in the alert state's held list. Before messages were data, a held alert's title and body were
 * kept as text in the language of the moment: read back, such text is said as it is.
 */
const HeldText = z.union([
  MessageSchema,
  z.pipe(
    z.string(),
    z.transform((text): Message => message('text.asIs', { text })),
  ),
]);
export const HeldAlert = z.object({ ...AlertIntent.shape, title: HeldText, body: HeldText });
export type AlertIntent = z.infer<typeof AlertIntent>;

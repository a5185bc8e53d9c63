import type { MessageKey } from './i18n/catalog';
import { type Message, message, type ReadMessage } from './message';

/**
 * zod carries an issue's words as one string, made when a value is checked; Creditbar's are messages, said where
 * they are shown. So a schema's message travels inside that string, marked, and is read back as a message
 * (issueMessage). The mark is a NUL, which no text a person typed and zod echoes can hold.
 */
const MARK = '\u0000message:';

/** A message as zod carries it: for `ctx.addIssue({ message })`. */
export function carried(said: Message): string {
  return `${MARK}${JSON.stringify(said)}`;
}

/** A catalog message as zod carries it. */
export function carry(key: MessageKey, params?: Message['params']): string {
  return carried(message(key, params));
}

/** A schema's message, for a check's params: `z.regex(re, says('valid.id'))`. */
export function says(key: MessageKey, params?: Message['params']): { error: () => string } {
  return { error: () => carried(message(key, params)) };
}

/** What an issue says, as a message: one a schema carried, or zod's own text as it is. */
export function issueMessage(issue: { message: string }): ReadMessage {
  if (!issue.message.startsWith(MARK)) return message('text.asIs', { text: issue.message });
  return JSON.parse(issue.message.slice(MARK.length)) as ReadMessage;
}

import type { Message, ReadMessage } from '../../shared/message';
import { message } from '../../shared/message';
import { say } from './english';

/** A message that says this text as it is: for tests whose error or alert text does not matter. */
export const asIs = (text: string): Message => message('text.asIs', { text });

/** A message as a person reads it (in the language the test speaks), or undefined when there is none. */
export const spoken = (said: ReadMessage | null | undefined): string | undefined =>
  said ? say(said) : undefined;

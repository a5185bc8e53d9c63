import en from './messages/en.json';

/**
 * Every string a person reads lives in `messages/<language>.json`, in ICU MessageFormat (`{name}` fills in a
 * value, `{count, plural, one {…} other {…}}` picks a form by count), the format translators' tools read. English
 * is the reference: its keys are the message keys, and a test holds German and Chinese to the same keys and the
 * same arguments.
 */
export { en };
export type MessageKey = keyof typeof en;
/** A complete catalog: every key English has. */
export type Catalog = Record<MessageKey, string>;

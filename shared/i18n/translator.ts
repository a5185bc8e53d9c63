import { type Writers, writersFor } from '../format';
import type { MessageArgument, ReadMessage } from '../message';
import type { MessageKey } from './catalog';
import { type Formats, formatsFor } from './formats';
import type { Language } from './languages';
import { type HeldCatalog, messagesIn, type Params, type Translate } from './translate';

/**
 * Everything that writes for a person in one language: its messages (`t`), messages carried as data (`say`), its
 * Intl formatters and the writers of amounts, units and times. Made for a reader and handed to what writes for
 * them (the tray, a notification, the CLI, the popover's components), so no module holds a language: a process
 * may speak two at once, and a held alert is said in the language of the moment it is shown.
 */
export interface Translator extends Writers {
  readonly language: Language;
  t: Translate;
  /**
   * A message made text: where it is shown, never where it happened. Amounts and days are written then too, as
   * the language writes them; a message inside is said, and a list of them joined as the language joins a list
   * ("a, b and c", "a, b und c").
   */
  say(said: ReadMessage): string;
  intl(): Formats;
}

export function createTranslator(language: Language, catalog: HeldCatalog): Translator {
  const t = messagesIn(language, catalog);
  const intl = () => formatsFor(language);
  const writers = writersFor(t, intl);
  const argument = (value: MessageArgument): string | number => {
    if (typeof value === 'string' || typeof value === 'number') return value;
    if (Array.isArray(value)) return intl().list.format(value.map(say));
    if ('amount' in value)
      return value.unit === undefined
        ? writers.formatAmount(value.amount)
        : writers.amountWithUnit(value.amount, value.unit);
    if ('days' in value) return writers.daysText(value.days);
    if ('lines' in value) return value.lines.map(say).join('\n');
    if ('byLanguage' in value) return value.byLanguage[language] ?? value.byLanguage.en;
    return say(value as ReadMessage);
  };
  function say(said: ReadMessage): string {
    const params: Params = {};
    for (const [name, value] of Object.entries(said.params ?? {})) params[name] = argument(value);
    // A key read back that no catalog holds is said as itself (t's rule for a missing message).
    return t(said.key as MessageKey, params);
  }
  return { language, t, say, intl, ...writers };
}

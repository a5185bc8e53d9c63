import { amountWithUnit, daysText, formatAmount } from '../format';
import type { MessageArgument, ReadMessage } from '../message';
import type { MessageKey } from './catalog';
import { intl, type Params, t } from './translate';

function argument(value: MessageArgument): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return intl().list.format(value.map(say));
  if ('amount' in value)
    return value.unit === undefined ? formatAmount(value.amount) : amountWithUnit(value.amount, value.unit);
  if ('days' in value) return daysText(value.days);
  if ('lines' in value) return value.lines.map(say).join('\n');
  return say(value as ReadMessage);
}

/**
 * A message made text, in the language spoken now: where it is shown (the tray, a notification, the CLI, the
 * popover), never where it happened. Amounts and days are written then too, as the language writes them; a
 * message inside is said, and a list of them joined as the language joins a list ("a, b and c", "a, b und c").
 */
export function say(said: ReadMessage): string {
  const params: Params = {};
  for (const [name, value] of Object.entries(said.params ?? {})) params[name] = argument(value);
  // A key read back that no catalog holds is said as itself (t's rule for a missing message).
  return t(said.key as MessageKey, params);
}

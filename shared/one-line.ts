/**
 * Text from outside (a provider's answer) as one plain line: control and format characters (bidi overrides among
 * them) become spaces, white space is folded, the ends trimmed. Callers cut it to their own length.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

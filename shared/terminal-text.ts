/** The longest line a terminal is shown by Creditbar; longer is cut with "…". */
export const MAX_TERMINAL_LINE = 2000;

const KEPT = '\n\t\u200c\u200d';

/**
 * Text made safe to print to a terminal: a provider's words, a JSONata error that quotes an answer, a file's keys
 * can carry escape sequences (CSI, OSC: colours, titles, links, a cleared screen), C1 controls some terminals obey,
 * and bidi overrides that reorder what is read. All become spaces; line breaks and tabs stay. With `cut`, each line
 * is cut to MAX_TERMINAL_LINE.
 */
export function terminalText(text: string, cut = true): string {
  // Joiners stay: they join emoji and Persian letters, and move nothing.
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, (char) => (KEPT.includes(char) ? char : ' '));
  if (!cut) return clean;
  return clean
    .split('\n')
    .map((line) => (line.length > MAX_TERMINAL_LINE ? `${line.slice(0, MAX_TERMINAL_LINE - 1)}…` : line))
    .join('\n');
}

import type { Level } from '../../shared/model';

/**
 * Whether the CLI paints levels: only for a person at a terminal. `NO_COLOR` (any value but empty, no-color.org)
 * always wins; `FORCE_COLOR` (not empty, not `0`, as Node and chalk read it) paints into a pipe, for `less -R`;
 * `TERM=dumb` is a terminal that cannot.
 */
export function colourWanted(env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stdoutIsTerminal && env.TERM !== 'dumb';
}

/** SGR codes per level: the tray's colours in the 8 every terminal has; unknown is dim, empty bold as well. */
const LEVEL_SGR: Record<Level, string> = {
  ok: '32',
  warning: '33',
  critical: '31',
  empty: '1;31',
  unknown: '2',
};

/** The text in its level's colour, reset after it. The text must be clean already (terminal-text.ts). */
export function paintLevel(level: Level, text: string): string {
  return `\u001b[${LEVEL_SGR[level]}m${text}\u001b[0m`;
}

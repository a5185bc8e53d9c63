import { says } from './issue-message';
import { z } from './zod';

/**
 * Global shortcuts in Electron's accelerator syntax ("Control+Shift+K"), as recorded in Settings: one key and at
 * least one modifier other than Shift, since a bare key or Shift+key pressed anywhere on the system would be
 * taken from whatever the person is typing.
 */
const MODIFIERS = ['Command', 'Control', 'Alt', 'Super', 'Shift'] as const;
type Modifier = (typeof MODIFIERS)[number];

const KEY =
  /^(?:[0-9A-Z]|F(?:[1-9]|1\d|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|PrintScreen|Plus|num[0-9]|numdec|numadd|numsub|nummult|numdiv|[-=[\]\\;',./`])$/;

export interface ParsedAccelerator {
  modifiers: Modifier[];
  key: string;
}

/** The accelerator's parts, or null when it is not one this app records (see above). */
export function parseAccelerator(text: string): ParsedAccelerator | null {
  const parts = text.split('+');
  // "Plus" names the + key, so a real "+" never appears between parts.
  const key = parts.pop();
  if (key === undefined || !KEY.test(key)) return null;
  const modifiers: Modifier[] = [];
  for (const part of parts) {
    const modifier = MODIFIERS.find((m) => m === part);
    if (!modifier || modifiers.includes(modifier)) return null;
    modifiers.push(modifier);
  }
  if (!modifiers.some((m) => m !== 'Shift')) return null;
  return { modifiers: MODIFIERS.filter((m) => modifiers.includes(m)), key };
}

export const Accelerator = z.string().check(
  z.maxLength(60),
  z.refine((text) => parseAccelerator(text) !== null, says('valid.shortcut')),
);

/** What a key press names, from `KeyboardEvent.code` (the key's place, whatever the layout makes it type). */
const CODE_KEYS: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Return',
  NumpadEnter: 'Return',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  PrintScreen: 'PrintScreen',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadDecimal: 'numdec',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
};

function keyOfCode(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] as string;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1] as string;
  const numpad = /^Numpad(\d)$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F(?:[1-9]|1\d|2[0-4])$/.test(code)) return code;
  return CODE_KEYS[code] ?? null;
}

export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * The accelerator a key press records, or null while it names none yet (a modifier alone, or a key with no
 * modifier). The ⌘ key is Command on macOS and Super (the Windows key) elsewhere.
 */
export function acceleratorOf(press: KeyPress, platform: string): string | null {
  const key = keyOfCode(press.code);
  if (!key) return null;
  const modifiers: Modifier[] = [];
  if (press.metaKey) modifiers.push(platform === 'darwin' ? 'Command' : 'Super');
  if (press.ctrlKey) modifiers.push('Control');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  const text = [...modifiers, key].join('+');
  const parsed = parseAccelerator(text);
  return parsed ? [...parsed.modifiers, parsed.key].join('+') : null;
}

const MAC_SYMBOLS: Record<Modifier, string> = {
  Control: '⌃',
  Alt: '⌥',
  Shift: '⇧',
  Command: '⌘',
  Super: '◆',
};
const MAC_ORDER: Modifier[] = ['Control', 'Alt', 'Shift', 'Command', 'Super'];
const OTHER_NAMES: Record<Modifier, string> = {
  Control: 'Ctrl',
  Alt: 'Alt',
  Shift: 'Shift',
  Command: 'Cmd',
  Super: 'Win',
};

/** How a shortcut is written for a person on their OS: "⌃⇧K" on macOS, "Ctrl+Shift+K" elsewhere. */
export function acceleratorLabel(accelerator: string, platform: string): string {
  const parsed = parseAccelerator(accelerator);
  if (!parsed) return accelerator;
  if (platform === 'darwin') {
    return `${MAC_ORDER.filter((m) => parsed.modifiers.includes(m))
      .map((m) => MAC_SYMBOLS[m])
      .join('')}${parsed.key}`;
  }
  const names = parsed.modifiers.map((m) =>
    m === 'Super' && platform === 'linux' ? 'Super' : OTHER_NAMES[m],
  );
  return [...names, parsed.key].join('+');
}

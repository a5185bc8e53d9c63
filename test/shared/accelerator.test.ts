import { describe, expect, it } from 'vitest';
import {
  Accelerator,
  acceleratorLabel,
  acceleratorOf,
  type KeyPress,
  parseAccelerator,
} from '../../shared/accelerator';
import { issueMessage } from '../../shared/issue-message';
import { say } from '../support/english';

const press = (code: string, mods: Partial<Omit<KeyPress, 'code'>> = {}): KeyPress => ({
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('global shortcut accelerators', () => {
  it.each([
    ['Control+Shift+K', { modifiers: ['Control', 'Shift'], key: 'K' }],
    ['Shift+Control+K', { modifiers: ['Control', 'Shift'], key: 'K' }],
    ['Command+Alt+F12', { modifiers: ['Command', 'Alt'], key: 'F12' }],
    ['Super+Space', { modifiers: ['Super'], key: 'Space' }],
    ['Alt+Plus', { modifiers: ['Alt'], key: 'Plus' }],
    ['Control+num5', { modifiers: ['Control'], key: 'num5' }],
    ['Control+/', { modifiers: ['Control'], key: '/' }],
  ])('%s is one', (text, parsed) => {
    expect(parseAccelerator(text)).toEqual(parsed);
    expect(Accelerator.safeParse(text).success).toBe(true);
  });

  it.each([
    ['a bare key takes it from everyone typing', 'K'],
    ['Shift alone too', 'Shift+K'],
    ['two keys', 'Control+K+L'],
    ['a modifier twice', 'Control+Control+K'],
    ['no key', 'Control+Shift'],
    ['an unknown key', 'Control+Banana'],
    ['lower case names', 'control+k'],
    ['F25 does not exist', 'Control+F25'],
    ['empty', ''],
  ])('refused: %s', (_why, text) => {
    expect(parseAccelerator(text)).toBeNull();
    const parsed = Accelerator.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0] && say(issueMessage(parsed.error.issues[0]))).toBe(
      'must be a key with Control, Command, Alt or Super',
    );
  });

  it.each<[string, KeyPress, string, string | null]>([
    ['Ctrl+Shift+K on Linux', press('KeyK', { ctrlKey: true, shiftKey: true }), 'linux', 'Control+Shift+K'],
    ['⌘⇧K on macOS', press('KeyK', { metaKey: true, shiftKey: true }), 'darwin', 'Command+Shift+K'],
    ['the Windows key is Super', press('KeyC', { metaKey: true }), 'win32', 'Super+C'],
    [
      'by place, not by what the layout types (AZERTY A is KeyQ)',
      press('KeyQ', { altKey: true }),
      'linux',
      'Alt+Q',
    ],
    ['Shift+1 is 1, not !', press('Digit1', { ctrlKey: true, shiftKey: true }), 'linux', 'Control+Shift+1'],
    ['arrows', press('ArrowUp', { ctrlKey: true, altKey: true }), 'win32', 'Control+Alt+Up'],
    ['Enter is Return', press('Enter', { ctrlKey: true }), 'linux', 'Control+Return'],
    ['function keys', press('F9', { altKey: true }), 'linux', 'Alt+F9'],
    ['numpad', press('Numpad7', { ctrlKey: true }), 'linux', 'Control+num7'],
    ['no modifier: not yet a shortcut', press('KeyK'), 'linux', null],
    ['Shift only: not yet', press('KeyK', { shiftKey: true }), 'linux', null],
    ['a key with no name', press('IntlRo', { ctrlKey: true }), 'linux', null],
  ])('records %s', (_name, keys, platform, expected) => {
    expect(acceleratorOf(keys, platform)).toBe(expected);
  });

  it.each([
    ['Control+Shift+K', 'darwin', '⌃⇧K'],
    ['Command+Alt+Shift+K', 'darwin', '⌥⇧⌘K'],
    ['Control+Shift+K', 'win32', 'Ctrl+Shift+K'],
    ['Super+Space', 'win32', 'Win+Space'],
    ['Super+Space', 'linux', 'Super+Space'],
  ])('%s is written %s', (accelerator, platform, label) => {
    expect(acceleratorLabel(accelerator, platform)).toBe(label);
  });
});

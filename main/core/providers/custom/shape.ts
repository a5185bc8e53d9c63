import { type Message, message, type ReadMessage } from '../../../../shared/message';
import { scrubSecret } from '../failure';
import { cleanDetail } from '../http';

const MAX_DEPTH = 8;
const MAX_KEYS = 40;
const MAX_LINES = 200;

/**
 * An answer's shape with every value masked: the keys and the type found at each, so a person can write expressions
 * without seeing (or showing) the values. Arrays show their length and the shape of their first item.
 */
export function shapeOf(value: unknown, secret?: string): Message {
  const lines: ReadMessage[] = [];
  const text = (line: string) => lines.push(message('text.asIs', { text: line }));
  // Keys come from the provider: the key it may echo goes, and so do control characters.
  const keyText = (key: string) => cleanDetail(scrubSecret(key, secret));
  const walk = (v: unknown, indent: string, label: string, depth: number): void => {
    if (lines.length >= MAX_LINES) return;
    if (Array.isArray(v)) {
      lines.push(
        message(v.length > 0 ? 'shape.arrayFirst' : 'shape.array', {
          at: `${indent}${label}`,
          count: v.length,
        }),
      );
      if (v.length > 0 && depth < MAX_DEPTH) walk(v[0], `${indent}  `, '', depth + 1);
      return;
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      text(`${indent}${label}object`);
      if (depth >= MAX_DEPTH) return;
      for (const [key, inner] of entries.slice(0, MAX_KEYS))
        walk(inner, `${indent}  `, `${keyText(key)}: `, depth + 1);
      if (entries.length > MAX_KEYS)
        lines.push(message('shape.moreKeys', { at: `${indent}  `, count: entries.length - MAX_KEYS }));
      return;
    }
    const type =
      v === null
        ? 'null'
        : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)
          ? 'string (a number)'
          : typeof v;
    text(`${indent}${label}${type}`);
  };
  walk(value, '', '', 0);
  if (lines.length >= MAX_LINES) text('…');
  return message('text.asIs', { text: { lines } });
}

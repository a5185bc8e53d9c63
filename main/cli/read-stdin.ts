import type { Readable } from 'node:stream';

/**
 * Standard input as text, read no further than `limit` characters: a key piped in is a line, and a command that
 * was given a file or a stream by mistake (600 MB held 630 MB of memory) stops reading once it is clearly no key.
 * What was read is returned, over the limit by at most one chunk, so the key's own check says it is too long.
 */
export async function readStdin(input: Readable, limit: number): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.length > limit) {
      input.destroy();
      break;
    }
  }
  return text;
}

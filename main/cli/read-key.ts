/**
 * A key typed at a terminal, not shown as it is typed (as `ssh-keygen` or `gh auth login` ask): raw mode, so
 * nothing is echoed and the key never lands in the terminal's scrollback or the shell's history. Backspace
 * corrects, Enter ends, Ctrl-D on an empty line gives none, Ctrl-C stops the command as it would anywhere.
 */
export function readHiddenLine(
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
  prompt: string,
  limit: number,
): Promise<string> {
  return new Promise((resolve) => {
    // Raw before the prompt shows: a key typed (or pasted) the moment it appears is never echoed.
    input.setRawMode(true);
    output.write(prompt);
    input.setEncoding('utf8');
    input.resume();
    let text = '';
    const end = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          end();
          resolve(text);
          return;
        }
        if (char === '\u0003') {
          end();
          process.kill(process.pid, 'SIGINT');
          return;
        }
        if (char === '\u0004' && text === '') {
          end();
          resolve('');
          return;
        }
        if (char === '\u007f' || char === '\b') text = text.slice(0, -1);
        // Past any key's length the rest is dropped; the key's own check then says it is too long.
        else if (text.length <= limit) text += char;
      }
    };
    input.on('data', onData);
  });
}

import { text } from 'node:stream/consumers';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  stdin: () => (process.stdin.isTTY ? Promise.resolve('') : text(process.stdin)),
  signals: {
    onStop(callback) {
      process.once('SIGINT', callback);
      process.once('SIGTERM', callback);
    },
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `creditbar: unexpected failure: ${error instanceof Error ? error.message : 'unknown'}\n`,
    );
    process.exitCode = 3;
  },
);

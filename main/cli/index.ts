import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
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

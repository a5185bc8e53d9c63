import { fork } from 'node:child_process';
import { MAX_KEY_CHARS } from '../../shared/config';
import { translatorFor } from '../../shared/i18n/catalogs';
import { chooseLanguage, environmentLanguages } from '../../shared/i18n/languages';
import { zodInEveryLanguage } from '../../shared/i18n/zod-words';
import { systemClock } from '../core/monitor/clock';
import { keytarInChild } from '../core/store/keychain-helper';
import { KEYCHAIN_HELPER_ARG } from './keychain-helper-arg';
import { readHiddenLine } from './read-key';
import { readStdin } from './read-stdin';
import { runCli } from './run-cli';

const spoken = () => translatorFor(chooseLanguage(undefined, environmentLanguages(process.env)));
const stopCallbacks: (() => void)[] = [];
/** Why standard output could not be written, once it could not. */
let outputFailed: string | null = null;
// Once the output cannot be written, writing again is pointless: stop as on a signal, with state saved. A reader
// gone (`watch | head -1`, EPIPE) is a normal end, said by nothing; any other failure (`>> file` on a full disk)
// is said in one line and ends with exit 3, never a stack trace, so a monitoring system reads it as unknown.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (outputFailed !== null) return;
  outputFailed = error.code ?? 'error';
  if (outputFailed !== 'EPIPE') {
    process.stderr.write(`${spoken().t('cli.cannotWriteOutput', { code: outputFailed })}\n`);
    // The command may have ended already (status writes last): its exit code goes too.
    process.exitCode = 3;
  }
  for (const callback of stopCallbacks.splice(0)) callback();
});

// SIGHUP's default ends the process: a reload sent while serve is still starting (systemd's ExecReload, a deploy
// script) killed it with exit 129, which Restart=on-failure does not restart. Handled from the first moment: one
// that comes before serve listens for it is given to it then (the config may have changed after it was read).
const reloadCallbacks: (() => void)[] = [];
let hangupBeforeReady = false;
process.on('SIGHUP', () => {
  if (reloadCallbacks.length === 0) hangupBeforeReady = true;
  for (const callback of reloadCallbacks) callback();
});

// zod's own words are made in every language as a value is checked; the terminal's is said (zod-words.ts).
zodInEveryLanguage();
runCli(process.argv.slice(2), {
  env: process.env,
  clock: systemClock,
  stdout: (chunk) => {
    if (outputFailed === null) process.stdout.write(chunk);
  },
  stderr: (chunk) => process.stderr.write(chunk),
  stdoutIsTerminal: process.stdout.isTTY === true,
  // Typed at a terminal, not shown; piped, read no further than a key could be.
  readKey: (prompt) =>
    process.stdin.isTTY
      ? readHiddenLine(process.stdin, process.stderr, prompt, MAX_KEY_CHARS)
      : readStdin(process.stdin.setEncoding('utf8'), MAX_KEY_CHARS + 1024),
  // This very bundle, as the helper: started at the first keychain call, never when keys come from the environment.
  keychain: keytarInChild(() =>
    fork(process.argv[1] as string, [KEYCHAIN_HELPER_ARG], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }),
  ),
  signals: {
    onStop(callback) {
      let called = false;
      const stop = () => {
        if (called) return;
        called = true;
        callback();
      };
      stopCallbacks.push(stop);
      // Not `once`: the lock and atomic-write libraries' own signal handlers re-raise a signal when they find no
      // other listener, and a `once` listener is gone by the time the later of them looks; the process then died
      // by the signal with its state unsaved.
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    onReload(callback) {
      reloadCallbacks.push(callback);
      if (hangupBeforeReady) {
        hangupBeforeReady = false;
        callback();
      }
    },
  },
}).then(
  (code) => {
    process.exitCode = outputFailed !== null && outputFailed !== 'EPIPE' ? 3 : code;
  },
  (error: unknown) => {
    const { t } = spoken();
    process.stderr.write(
      `${t('cli.unexpected', { detail: error instanceof Error ? error.message : '?' })}\n`,
    );
    process.exitCode = 3;
  },
);

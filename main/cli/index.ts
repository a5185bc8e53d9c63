import { text } from 'node:stream/consumers';
import { translatorFor } from '../../shared/i18n/catalogs';
import { chooseLanguage, environmentLanguages } from '../../shared/i18n/languages';
import { zodInEveryLanguage } from '../../shared/i18n/zod-words';
import { systemClock } from '../core/monitor/clock';
import { runCli } from './run-cli';

const stopCallbacks: (() => void)[] = [];
let stdoutClosed = false;
// `watch | head -1`: once the reader is gone, writing again is pointless; stop as on a signal, quietly, with
// state saved, instead of dying on an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
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
    if (!stdoutClosed) process.stdout.write(chunk);
  },
  stderr: (chunk) => process.stderr.write(chunk),
  stdin: () => (process.stdin.isTTY ? Promise.resolve('') : text(process.stdin)),
  signals: {
    onStop(callback) {
      let called = false;
      const once = () => {
        if (called) return;
        called = true;
        callback();
      };
      stopCallbacks.push(once);
      process.once('SIGINT', once);
      process.once('SIGTERM', once);
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
    process.exitCode = code;
  },
  (error: unknown) => {
    const { t } = translatorFor(chooseLanguage(undefined, environmentLanguages(process.env)));
    process.stderr.write(
      `${t('cli.unexpected', { detail: error instanceof Error ? error.message : '?' })}\n`,
    );
    process.exitCode = 3;
  },
);

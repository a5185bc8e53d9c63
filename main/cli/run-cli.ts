import { parseArgs } from 'node:util';
import { APP_VERSION as VERSION } from '../../shared/app-version';
import type { MessageKey } from '../../shared/i18n/catalog';
import { translatorFor } from '../../shared/i18n/catalogs';
import { chooseLanguage, environmentLanguages } from '../../shared/i18n/languages';
import type { Translator } from '../../shared/i18n/translator';
import { DESCRIPTORS, type FieldSpec, providerFlags } from '../../shared/providers';
import { terminalText } from '../../shared/terminal-text';
import { AppFailure, ConfigError } from '../core/errors';
import {
  type AccountFlags,
  accountsAdd,
  accountsList,
  accountsRemove,
  accountsRotateKey,
  accountsSet,
  SETTING_FLAGS,
} from './accounts-command';
import {
  type ChannelFlags,
  channelsAdd,
  channelsList,
  channelsRemove,
  channelsTest,
} from './channels-command';
import { colourWanted, paintLevel } from './colour';
import type { CliIo } from './context';
import { accountsLedger, accountsRecord } from './ledger-command';
import { providersAdd, providersList, providersSave } from './providers-command';
import { statusCommand } from './status-command';
import { type WatchSignals, watchCommand } from './watch-command';

/** The placeholder a flag's value is shown as: its kind, or the unit a number is in. */
function valueWord(field: FieldSpec): string {
  switch (field.kind) {
    case 'choice':
      return (field.choices ?? []).join('|');
    case 'url':
      return 'URL';
    case 'expression':
      return 'EXPR';
    case 'headers':
      return "'NAME: VALUE'";
    case 'number':
      return 'SECONDS';
    default:
      return 'VALUE';
  }
}

/** Past this many columns a provider's flags go on to the next line, under the first. */
const HELP_WIDTH = 100;

/**
 * A line per provider from its descriptor: its id in a column as wide as the longest, its name, then its flags
 * (optional ones in brackets), wrapped under the name when they run long (the custom endpoint has 16).
 */
function providerLines({ t }: Translator): string {
  const idWidth = Math.max(...DESCRIPTORS.map((d) => d.id.length));
  const indent = ' '.repeat(2 + idWidth + 2);
  return DESCRIPTORS.map((d) => {
    const flags = (d.fields as readonly FieldSpec[]).map((f) =>
      f.required ? `--${f.flag} ${valueWord(f)}` : `[--${f.flag} ${valueWord(f)}]`,
    );
    const key = d.credential.kind === 'none' ? t('cli.noKey') : '';
    const lines = [`  ${d.id.padEnd(idWidth)}  ${d.displayName}${key}${flags.length ? ':' : ''}`];
    for (const flag of flags) {
      const last = lines.length - 1;
      if (`${lines[last]} ${flag}`.length > HELP_WIDTH) lines.push(`${indent}${flag}`);
      else lines[last] = `${lines[last]} ${flag}`;
    }
    return lines.join('\n');
  }).join('\n');
}

/** The help, in the terminal's language; the provider lines come from the descriptors. */
const usage = (tr: Translator) => tr.t('cli.usage', { providers: providerLines(tr) });

const COMMANDS = ['status', 'watch', 'serve', 'accounts', 'channels', 'providers', 'help'];

/** The commands that take arguments: how many, and the catalog's usage line, in the terminal's words. */
const ARGUMENTS: Record<string, Record<string, { count: number; usage: MessageKey }>> = {
  accounts: {
    set: { count: 1, usage: 'cli.args.set' },
    'rotate-key': { count: 1, usage: 'cli.args.rotateKey' },
    remove: { count: 1, usage: 'cli.args.remove' },
    'set-balance': { count: 2, usage: 'cli.args.setBalance' },
    'top-up': { count: 2, usage: 'cli.args.topUp' },
    ledger: { count: 1, usage: 'cli.args.ledger' },
  },
  channels: {
    test: { count: 1, usage: 'cli.args.channelsTest' },
    remove: { count: 1, usage: 'cli.args.channelsRemove' },
  },
  providers: {
    add: { count: 1, usage: 'cli.args.providersAdd' },
    save: { count: 2, usage: 'cli.args.providersSave' },
  },
};

/** One command's page (`creditbar help accounts`, `accounts --help`); the whole usage for none or an unknown one. */
function helpPage(tr: Translator, command: string | undefined): string {
  const { t } = tr;
  switch (command) {
    case 'status':
      return t('cli.help.status');
    case 'watch':
      return t('cli.help.watch');
    case 'serve':
      return t('cli.help.serve');
    case 'accounts':
      return t('cli.help.accounts', { providers: providerLines(tr) });
    case 'providers':
      return t('cli.help.providers');
    case 'channels':
      return t('cli.help.channels');
    default:
      return usage(tr);
  }
}

/** Every provider field's flag, from the descriptors. */
const FIELD_FLAGS = providerFlags().map((f) => f.flag);

const OPTIONS: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  for: { type: 'string' },
  provider: { type: 'string' },
  id: { type: 'string' },
  label: { type: 'string' },
  'no-verify': { type: 'boolean' },
  host: { type: 'string' },
  listen: { type: 'string' },
  'token-file': { type: 'string' },
  at: { type: 'string' },
  remove: { type: 'string' },
  // channels add
  type: { type: 'string' },
  accounts: { type: 'string' },
  'min-level': { type: 'string' },
  'quiet-hours': { type: 'string' },
  language: { type: 'string' },
  server: { type: 'string' },
  topic: { type: 'string' },
  'chat-id': { type: 'string' },
  'api-base': { type: 'string' },
  port: { type: 'string' },
  security: { type: 'string' },
  user: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  sign: { type: 'boolean' },
  ...Object.fromEntries(SETTING_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
  ...Object.fromEntries(
    providerFlags().map((f) => [f.flag, { type: 'string' as const, multiple: f.kind === 'headers' }]),
  ),
};

/**
 * `--for -5` as `--for=-5`: a negative number after a flag that takes a value is that value (Node's parseArgs
 * would take it for an option), so the command's own check says what the flag accepts.
 */
function negativesAsValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name && OPTIONS[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * What was wrong with the flags, in the terminal's language: Node's parseArgs says it in English only, so its
 * error's code picks the message and the flag it names (the part of its text in quotes) fills it in.
 */
function flagProblem({ t }: Translator, error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  // Node quotes the flag, as `'--for <value>'` when the value is missing.
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const flag = quoted.replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli.unknownFlag', { flag });
  // `--for -5`: Node will not take a value that starts with a dash without `=`.
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /ambiguous/.test(message))
    return t('cli.flagDashValue', { flag });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return t(quoted.endsWith(' <value>') ? 'cli.flagNeedsValue' : 'cli.flagTakesNoValue', { flag });
  return message;
}

export interface CliHost extends Omit<CliIo, 'tr' | 'colour' | 'stdoutPainted'> {
  /** The key, typed at the terminal after `prompt` (not shown), or piped on standard input. */
  readKey: (prompt: string) => Promise<string>;
  signals: WatchSignals & { onReload(callback: () => void): void };
}

export async function runCli(argv: string[], host: CliHost): Promise<number> {
  // A terminal's language is its environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as for any command.
  const tr = translatorFor(chooseLanguage(undefined, environmentLanguages(host.env)));
  const { t, say } = tr;
  // Every line printed is cleaned of escapes first (terminal-text.ts); the problems said on stderr are also cut.
  const io: CliIo = {
    ...host,
    tr,
    stdout: (text) => host.stdout(terminalText(text, false)),
    stderr: (text) => host.stderr(terminalText(text)),
    colour: colourWanted(host.env, host.stdoutIsTerminal),
    stdoutPainted: (parts) =>
      host.stdout(
        parts
          .map(({ text, level }) => {
            const clean = terminalText(text, false);
            return level && clean.trim() ? paintLevel(level, clean) : clean;
          })
          .join(''),
      ),
  };
  let parsed: {
    values: AccountFlags & {
      json?: boolean;
      help?: boolean;
      version?: boolean;
      for?: string;
      host?: string;
      listen?: string;
      'token-file'?: string;
      at?: string;
      remove?: string;
    } & ChannelFlags;
    positionals: string[];
  };
  try {
    const result = parseArgs({
      args: negativesAsValues(argv),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    parsed = { values: result.values as typeof parsed.values, positionals: result.positionals };
  } catch (error) {
    // One line naming the flag, and where to read more: not the whole help after it.
    const command = argv.find((arg) => COMMANDS.includes(arg));
    io.stderr(
      `${flagProblem(tr, error)}\n${command ? t('cli.seeHelp', { command }) : t('cli.seeHelpAll')}\n`,
    );
    return 3;
  }
  const flags = parsed.values;
  const [command, sub, ...rest] = parsed.positionals;
  if (flags.version) {
    io.stdout(`creditbar ${VERSION}\n`);
    return 0;
  }
  // `help`, `help COMMAND`, `COMMAND --help`: the page for that command; with none, the whole usage.
  const helpFor = command === 'help' ? sub : flags.help ? command : undefined;
  if (command === 'help' || flags.help || !command) {
    io.stdout(helpPage(tr, helpFor));
    return command || flags.help ? 0 : 3;
  }
  try {
    if (command === 'status' && sub === undefined) return await statusCommand(flags, io);
    if (command === 'watch' && sub === undefined) return await watchCommand(flags, io, host.signals);
    if (command === 'serve' && sub === undefined) {
      // Loaded only here: prom-client and the HTTP server are no cost to the other commands.
      const { serveCommand } = await import('./serve-command');
      return await serveCommand(flags, io, host.signals);
    }
    if (command === 'accounts' && sub === 'list' && rest.length === 0) return await accountsList(flags, io);
    if (command === 'accounts' && sub === 'add' && rest.length === 0)
      return await accountsAdd(flags, FIELD_FLAGS, io, host.readKey);
    if (command === 'accounts' && sub === 'set' && rest.length === 1)
      return await accountsSet(rest[0], flags, io);
    if (command === 'accounts' && sub === 'rotate-key' && rest.length === 1)
      return await accountsRotateKey(rest[0], flags, io, host.readKey);
    if (command === 'accounts' && sub === 'remove' && rest.length === 1)
      return await accountsRemove(rest[0], flags, io);
    if (command === 'accounts' && sub === 'set-balance' && rest.length === 2)
      return await accountsRecord('balance', rest[0] as string, rest[1] as string, flags, io);
    if (command === 'accounts' && sub === 'top-up' && rest.length === 2)
      return await accountsRecord('top-up', rest[0] as string, rest[1] as string, flags, io);
    if (command === 'accounts' && sub === 'ledger' && rest.length === 1)
      return await accountsLedger(rest[0] as string, flags, io);
    // Named but given the wrong number of arguments: what the command takes, not "unknown command".
    const takes = sub === undefined ? undefined : ARGUMENTS[command]?.[sub];
    if (takes && rest.length !== takes.count) {
      io.stderr(`${t('cli.takesArguments', { usage: t(takes.usage) })}\n${t('cli.seeHelp', { command })}\n`);
      return 3;
    }
    if (command === 'channels' && (sub === 'list' || sub === undefined) && rest.length === 0)
      return await channelsList(flags, io);
    if (command === 'channels' && sub === 'add' && rest.length === 0)
      return await channelsAdd(flags, io, host.readKey);
    if (command === 'channels' && sub === 'test' && rest.length === 1)
      return await channelsTest(rest[0] as string, flags, io);
    if (command === 'channels' && sub === 'remove' && rest.length === 1)
      return await channelsRemove(rest[0] as string, flags, io);
    if (command === 'providers' && sub === undefined) return await providersList(flags, io);
    if (command === 'providers' && sub === 'add' && rest.length === 1)
      return await providersAdd(rest[0] as string, flags, io);
    if (command === 'providers' && sub === 'save' && rest.length === 2)
      return await providersSave(rest[0] as string, rest[1] as string, flags, io);
    io.stderr(
      COMMANDS.includes(command)
        ? `${t('cli.unknownCommand', { command: parsed.positionals.join(' ') })}\n${t('cli.seeHelp', { command })}\n`
        : `${t('cli.unknownCommandList', { command })}\n`,
    );
    return 3;
  } catch (error) {
    // Config, file and keychain problems are said plainly, in the terminal's language.
    if (error instanceof ConfigError || error instanceof AppFailure) {
      io.stderr(`${say(error.said)}\n`);
      return 3;
    }
    throw error;
  }
}

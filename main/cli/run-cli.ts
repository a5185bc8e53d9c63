import { parseArgs } from 'node:util';
import { DESCRIPTORS, type FieldSpec, providerFlags } from '../../shared/providers';
import { ConfigError } from '../core/errors';
import { type AccountFlags, accountsAdd, accountsList, accountsRemove } from './accounts-command';
import type { CliIo } from './context';
import { providersAdd, providersList, providersSave } from './providers-command';
import { statusCommand } from './status-command';
import { type WatchSignals, watchCommand } from './watch-command';

/** One line per provider, from its descriptor: its id, then its flags (optional ones in brackets). */
function providerLines(): string {
  return DESCRIPTORS.map((d) => {
    const flags = (d.fields as readonly FieldSpec[]).map((f) => {
      const value =
        f.kind === 'choice'
          ? (f.choices ?? []).join('|')
          : f.kind === 'url'
            ? 'URL'
            : f.kind === 'expression'
              ? 'EXPR'
              : f.kind === 'headers'
                ? "'NAME: VALUE'"
                : 'VALUE';
      return f.required ? `--${f.flag} ${value}` : `[--${f.flag} ${value}]`;
    });
    const key = d.credential.kind === 'none' ? ' (no key)' : '';
    return `  ${d.id.padEnd(16)} ${d.displayName}${key}${flags.length ? `: ${flags.join(' ')}` : ''}`;
  }).join('\n');
}

const USAGE = `Usage: creditbar <command> [options]

Commands:
  status                 Ask every account for its balance and print it
                         (exit 0 all ok, 1 some warning, 2 some critical or empty, 3 some unknown)
  watch [--for SECONDS]  Keep watching: one JSON object per line (snapshot, alert, error) until Ctrl-C
  serve [--listen HOST:PORT] [--token-file FILE]
                         Keep watching and serve /metrics (Prometheus), /api/v1/accounts and /healthz
                         (default 127.0.0.1:9464; beyond loopback a bearer token file is required;
                         SIGHUP reads the config again)
  accounts list          Show the accounts (never more than a key's last 4 characters)
  accounts add --provider P --id ID [--label L] [provider flags] [--no-verify]
                         Add an account; the API key is read from standard input, tested, then saved
                         in the OS keychain
  accounts remove ID     Remove an account with its keychain item, cache, history and alert state
  providers [--json]     List every provider and preset (and presets added from files)
  providers save ACCOUNT FILE
                         Save a custom account as a shareable preset file (no key inside)
  providers add FILE --host HOST
                         Add a preset from a file; HOST must name the host it sends your key to

Providers and their flags:
${providerLines()}

Options for every command:
  --config FILE     config file (default: $CREDITBAR_CONFIG, else <data dir>/config.json)
  --data-dir DIR    data folder (default: $CREDITBAR_DATA_DIR, else the OS app-data folder for Creditbar)
  --json            (status) print JSON instead of a table
  -h, --help        show this help
`;

/** Every provider field's flag, from the descriptors. */
const FIELD_FLAGS = providerFlags().map((f) => f.flag);

const OPTIONS: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  for: { type: 'string' },
  provider: { type: 'string' },
  id: { type: 'string' },
  label: { type: 'string' },
  'no-verify': { type: 'boolean' },
  host: { type: 'string' },
  listen: { type: 'string' },
  'token-file': { type: 'string' },
  ...Object.fromEntries(
    providerFlags().map((f) => [f.flag, { type: 'string' as const, multiple: f.kind === 'headers' }]),
  ),
};

export interface CliHost extends CliIo {
  stdin: () => Promise<string>;
  signals: WatchSignals & { onReload(callback: () => void): void };
}

export async function runCli(argv: string[], host: CliHost): Promise<number> {
  let parsed: {
    values: AccountFlags & {
      json?: boolean;
      help?: boolean;
      for?: string;
      host?: string;
      listen?: string;
      'token-file'?: string;
    };
    positionals: string[];
  };
  try {
    const result = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: result.values as typeof parsed.values, positionals: result.positionals };
  } catch (error) {
    host.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 3;
  }
  const flags = parsed.values;
  const [command, sub, ...rest] = parsed.positionals;
  if (flags.help || !command) {
    host.stdout(USAGE);
    return command || flags.help ? 0 : 3;
  }
  try {
    if (command === 'status' && sub === undefined) return await statusCommand(flags, host);
    if (command === 'watch' && sub === undefined) return await watchCommand(flags, host, host.signals);
    if (command === 'serve' && sub === undefined) {
      // Loaded only here: prom-client and the HTTP server are no cost to the other commands.
      const { serveCommand } = await import('./serve-command');
      return await serveCommand(flags, host, host.signals);
    }
    if (command === 'accounts' && sub === 'list' && rest.length === 0) return await accountsList(flags, host);
    if (command === 'accounts' && sub === 'add' && rest.length === 0)
      return await accountsAdd(flags, FIELD_FLAGS, host, host.stdin);
    if (command === 'accounts' && sub === 'remove' && rest.length === 1)
      return await accountsRemove(rest[0], flags, host);
    if (command === 'providers' && sub === undefined) return await providersList(flags, host);
    if (command === 'providers' && sub === 'add' && rest.length === 1)
      return await providersAdd(rest[0] as string, flags, host);
    if (command === 'providers' && sub === 'save' && rest.length === 2)
      return await providersSave(rest[0] as string, rest[1] as string, flags, host);
    host.stderr(`Unknown command: ${parsed.positionals.join(' ')}\n\n${USAGE}`);
    return 3;
  } catch (error) {
    if (error instanceof ConfigError) {
      host.stderr(`${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

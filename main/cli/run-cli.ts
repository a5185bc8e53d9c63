import { parseArgs } from 'node:util';
import { ConfigError } from '../core/store/config-file';
import { accountsAdd, accountsList, accountsRemove } from './accounts-command';
import type { CliIo } from './context';
import { statusCommand } from './status-command';
import { type WatchSignals, watchCommand } from './watch-command';

const USAGE = `Usage: creditbar <command> [options]

Commands:
  status                 Ask every account for its balance and print it
                         (exit 0 all ok, 1 some warning, 2 some critical or empty, 3 some unknown)
  watch [--for SECONDS]  Keep watching: one JSON object per line (snapshot, alert, error) until Ctrl-C
  accounts list          Show the accounts (never more than a key's last 4 characters)
  accounts add --provider P --id ID [--label L] [--base-url URL] [--user-id X] [--no-verify]
                         Add an account; the API key is read from standard input, tested, then saved
                         in the OS keychain. Custom JSON: --url URL --remaining-pointer /json/pointer
                         [--limit-pointer P] [--used-pointer P] [--auth-header H] [--auth-scheme S]
                         [--unit U] [--method GET|POST]
  accounts remove ID     Remove an account with its keychain item, cache and history

Options for every command:
  --config FILE     config file (default: $CREDITBAR_CONFIG, else <data dir>/config.json)
  --data-dir DIR    data folder (default: $CREDITBAR_DATA_DIR, else the OS app-data folder for Creditbar)
  --json            (status) print JSON instead of a table
  -h, --help        show this help
`;

const OPTIONS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  for: { type: 'string' },
  provider: { type: 'string' },
  id: { type: 'string' },
  label: { type: 'string' },
  'base-url': { type: 'string' },
  'user-id': { type: 'string' },
  'no-verify': { type: 'boolean' },
  url: { type: 'string' },
  method: { type: 'string' },
  'auth-header': { type: 'string' },
  'auth-scheme': { type: 'string' },
  'remaining-pointer': { type: 'string' },
  'limit-pointer': { type: 'string' },
  'used-pointer': { type: 'string' },
  unit: { type: 'string' },
} as const;

export interface CliHost extends CliIo {
  stdin: () => Promise<string>;
  signals: WatchSignals;
}

export async function runCli(argv: string[], host: CliHost): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
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
    if (command === 'accounts' && sub === 'list' && rest.length === 0) return await accountsList(flags, host);
    if (command === 'accounts' && sub === 'add' && rest.length === 0)
      return await accountsAdd(flags, host, host.stdin);
    if (command === 'accounts' && sub === 'remove' && rest.length === 1)
      return await accountsRemove(rest[0], flags, host);
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

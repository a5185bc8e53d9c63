import { parseArgs } from 'node:util';
import { ConfigError } from '../core/store/config-file';
import type { CliIo } from './context';
import { statusCommand } from './status-command';

const USAGE = `Usage: creditbar <command> [options]

Commands:
  status    Ask every configured account for its balance and print it
            Exit code: 0 all ok, 1 some warning, 2 some critical or empty, 3 some unknown

Options:
  --config FILE     config file (default: $CREDITBAR_CONFIG, else <data dir>/config.json)
  --data-dir DIR    data folder (default: $CREDITBAR_DATA_DIR, else the OS app-data folder for Creditbar)
  --json            print JSON instead of a table
  -h, --help        show this help
`;

const OPTIONS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 3;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    io.stdout(USAGE);
    return command || parsed.values.help ? 0 : 3;
  }
  try {
    if (command === 'status' && rest.length === 0) return await statusCommand(parsed.values, io);
    io.stderr(`Unknown command: ${[command, ...rest].join(' ')}\n\n${USAGE}`);
    return 3;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

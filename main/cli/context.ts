import { homedir } from 'node:os';
import type { ConfigFile } from '../../shared/config';
import type { RefreshDeps } from '../core/monitor/refresh-account';
import { createHttpClient } from '../core/providers/http';
import { createSnapshotCache } from '../core/store/cache';
import { readConfig } from '../core/store/config-file';
import { type DataPaths, resolvePaths } from '../core/store/paths';
import { createKeytarStore, createSecretResolver, type SecretStore } from '../core/store/secrets';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext {
  paths: DataPaths;
  config: ConfigFile | null;
  store: SecretStore;
  deps: RefreshDeps;
}

/** Wires the core for one CLI run: paths, config (validated), keychain, cache and HTTP. */
export async function openContext(
  flags: { 'data-dir'?: string; config?: string },
  io: CliIo,
): Promise<CliContext> {
  const paths = resolvePaths(
    { dataDir: flags['data-dir'], config: flags.config },
    io.env,
    process.platform,
    homedir(),
  );
  const config = await readConfig(paths.configFile);
  const store = createKeytarStore();
  return {
    paths,
    config,
    store,
    deps: {
      http: createHttpClient(),
      secrets: createSecretResolver(io.env, store),
      cache: createSnapshotCache(paths.cacheDir),
      now: () => new Date(),
    },
  };
}

export function noAccountsLine(configFile: string): string {
  return `No accounts yet: add a first one with "creditbar accounts add --provider <provider> --id <id>" (the key is read from standard input), or write ${configFile}.`;
}

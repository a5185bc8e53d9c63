import { AlertStateStore } from './alert-state-store';
import { createSnapshotCache, type SnapshotCache } from './cache';
import { ConfigStore } from './config-store';
import { HistoryStore } from './history';
import { IdentityIndex } from './identities';
import { LedgerStore } from './ledger-store';
import { OutboxStore } from './outbox-store';
import type { DataPaths } from './paths';

/** Everything kept on disk for one data dir; each entry point (desktop app, CLI) opens them once. */
export interface Stores {
  paths: DataPaths;
  config: ConfigStore;
  cache: SnapshotCache;
  history: HistoryStore;
  alerts: AlertStateStore;
  identities: IdentityIndex;
  ledger: LedgerStore;
  outbox: OutboxStore;
}

export async function openStores(paths: DataPaths, now: () => number = Date.now): Promise<Stores> {
  return {
    paths,
    config: await ConfigStore.open(paths.configFile),
    cache: createSnapshotCache(paths.cacheDir),
    history: new HistoryStore(paths.historyDir, now),
    alerts: new AlertStateStore(paths.alertStateFile),
    identities: new IdentityIndex(paths.identitiesFile),
    ledger: new LedgerStore(paths.ledgerFile),
    outbox: new OutboxStore(paths.outboxDir),
  };
}

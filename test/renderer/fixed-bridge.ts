import type { AccountView, AppState } from '../../shared/app-state';
import { en } from '../../shared/i18n/catalog';
import { parsedCatalog } from '../../shared/i18n/translate';
import type { CreditbarApi } from '../../shared/ipc';

/**
 * A fixed window.creditbar for component tests: it answers from a given state and records calls. The real bridge
 * (preload + guard + core) is exercised end to end in test/e2e.
 */
export function installBridge(state: AppState, overrides: Partial<CreditbarApi> = {}) {
  const calls: [string, unknown][] = [];
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const record =
    <T>(name: string, value: T) =>
    (request: unknown) => {
      calls.push([name, request]);
      return ok(value);
    };
  const api: CreditbarApi = {
    stateGet: record('stateGet', state),
    accountsRefresh: record('accountsRefresh', null),
    accountsTest: record('accountsTest', {
      remaining: 1840,
      unit: 'credits',
      quotas: 0,
      usedThisPeriod: null,
      readings: [],
      shape: null,
      problem: null,
    }),
    accountsAdd: record('accountsAdd', null),
    accountsUpdate: record('accountsUpdate', null),
    accountsRemove: record('accountsRemove', null),
    alertsSetThresholds: record('alertsSetThresholds', null),
    alertsSnooze: record('alertsSnooze', null),
    settingsSet: record('settingsSet', null),
    historyGet: record('historyGet', []),
    historyExport: record('historyExport', true),
    historyExportPng: record('historyExportPng', true),
    ledgerGet: record('ledgerGet', []),
    ledgerRecord: record('ledgerRecord', {
      entry: {
        id: '0a1b2c3d',
        kind: 'balance',
        amount: '1',
        at: '2026-11-22T12:00:00.000Z',
        recordedAt: '2026-11-22T12:00:00.000Z',
      },
      note: null,
    }),
    ledgerRemove: record('ledgerRemove', null),
    // A read the Settings view makes on its own: not recorded, so the calls a test checks are the person's.
    channelsList: () => ok([]),
    channelsAdd: record('channelsAdd', null),
    channelsUpdate: record('channelsUpdate', null),
    channelsTest: record('channelsTest', { ok: true, problem: null }),
    channelsRemove: record('channelsRemove', null),
    updatesCheck: record('updatesCheck', null),
    updatesInstall: record('updatesInstall', null),
    externalOpen: record('externalOpen', null),
    i18nGet: record('i18nGet', parsedCatalog(en)),
    popoverReady: record('popoverReady', null),
    popoverHide: record('popoverHide', null),
    popoverFit: record('popoverFit', null),
    onStateChanged: () => () => undefined,
    onNavigate: () => () => undefined,
    ...overrides,
  };
  Object.defineProperty(window, 'creditbar', { value: api, configurable: true });
  return calls;
}

export function account(over: Partial<AccountView>): AccountView {
  return {
    id: 'a',
    provider: 'happenstance',
    label: 'Account',
    level: 'ok',
    stale: false,
    current: true,
    partial: false,
    judged: true,
    ledger: null,
    reason: null,
    remaining: 1000,
    unit: 'credits',
    quotas: [],
    usedThisPeriod: null,
    fetchedAt: '2026-11-22T12:00:00.000Z',
    error: null,
    providerName: 'Happenstance',
    forecast: null,
    hasKey: true,
    keyHint: '…abcd',
    alerts: {},
    snoozedUntil: null,
    stopped: null,
    extras: {},
    checkedAt: '2026-11-22T12:00:00.000Z',
    retryAt: null,
    config: { id: over.id ?? 'a', provider: 'happenstance', label: over.label ?? 'Account' },
    ...over,
  };
}

export function appState(accounts: AccountView[]): AppState {
  return {
    accounts,
    paused: false,
    settings: {},
    launchAtLogin: false,
    launchAtLoginAvailable: true,
    updates: {
      version: '0.1.0',
      source: { kind: 'self-updating', format: 'appimage' },
      status: { kind: 'idle' },
    },
  };
}

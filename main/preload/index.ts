import { contextBridge, ipcRenderer } from 'electron';
import { AppState } from '../../shared/app-state';
import {
  type CreditbarApi,
  INVOKE,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
  type NavigateTarget,
  PUSH,
} from '../../shared/ipc';
import { message } from '../../shared/message';

/** Invokes one channel, validating the answer before the page sees it. */
function call<C extends InvokeChannel>(channel: C) {
  return async (request: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>> => {
    const result = (await ipcRenderer.invoke(channel, request)) as IpcResult<unknown>;
    if (!result || typeof result !== 'object' || !('ok' in result)) {
      return { ok: false, error: { kind: 'bad_response', message: message('ipc.noAnswer') } };
    }
    if (!result.ok) return result;
    const parsed = INVOKE[channel].response.safeParse(result.value);
    return parsed.success
      ? { ok: true, value: parsed.data as InvokeResponse<C> }
      : { ok: false, error: { kind: 'bad_response', message: message('ipc.badAnswer') } };
  };
}

function subscribe<T>(
  channel: keyof typeof PUSH,
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  listener: (value: T) => void,
) {
  const handler = (_event: unknown, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) listener(parsed.data as T);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

// Exactly the CreditbarApi: one narrow function per channel, no generic ipcRenderer pass-through.
const api = {
  stateGet: call('state:get'),
  accountsRefresh: call('accounts:refresh'),
  accountsTest: call('accounts:test'),
  accountsAdd: call('accounts:add'),
  accountsUpdate: call('accounts:update'),
  accountsRemove: call('accounts:remove'),
  alertsSetThresholds: call('alerts:set-thresholds'),
  alertsSnooze: call('alerts:snooze'),
  settingsSet: call('settings:set'),
  historyGet: call('history:get'),
  historyExport: call('history:export'),
  historyExportPng: call('history:export-png'),
  ledgerGet: call('ledger:get'),
  ledgerRecord: call('ledger:record'),
  ledgerRemove: call('ledger:remove'),
  channelsList: call('channels:list'),
  channelsAdd: call('channels:add'),
  channelsUpdate: call('channels:update'),
  channelsTest: call('channels:test'),
  channelsRemove: call('channels:remove'),
  updatesCheck: call('updates:check'),
  updatesInstall: call('updates:install'),
  externalOpen: call('external:open'),
  i18nGet: call('i18n:get'),
  popoverReady: call('popover:ready'),
  popoverHide: call('popover:hide'),
  popoverFit: call('popover:fit'),
  onStateChanged: (listener: (state: AppState) => void) => subscribe('state:changed', AppState, listener),
  onNavigate: (listener: (target: NavigateTarget) => void) => subscribe('navigate', PUSH.navigate, listener),
} satisfies CreditbarApi;

contextBridge.exposeInMainWorld('creditbar', Object.freeze(api));

import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { AppState } from '../../shared/app-state';
import { INVOKE, type InvokeChannel, PUSH } from '../../shared/ipc';
import { guardInvoke, type InvokeImpl, type SenderInfo } from '../core/ipc/ipc-guard';

function senderOf(event: IpcMainInvokeEvent, appWindows: () => BrowserWindow[]): SenderInfo {
  const frame = event.senderFrame;
  return {
    fromAppWindow: appWindows().some((w) => !w.isDestroyed() && w.webContents.id === event.sender.id),
    isTopFrame: frame !== null && frame === event.sender.mainFrame,
    url: frame?.url ?? '',
  };
}

/** Registers every channel of the contract through the one guard; the core and the popover do the work. */
export function registerIpc(
  handlers: { [C in InvokeChannel]: InvokeImpl<C> },
  appWindows: () => BrowserWindow[],
  appUrlPrefix: string,
): void {
  for (const channel of Object.keys(INVOKE) as InvokeChannel[]) {
    const handler = guardInvoke(channel, handlers[channel] as never, appUrlPrefix);
    ipcMain.handle(channel, (event, payload: unknown) => handler(senderOf(event, appWindows), payload));
  }
}

/** Pushes state, validated, to the popover; no secret is in AppState by construction. */
export function pushState(window: BrowserWindow | null, state: AppState): void {
  if (!window || window.isDestroyed()) return;
  window.webContents.send('state:changed', PUSH['state:changed'].parse(AppState.parse(state)));
}

import type { CreditbarApi } from '../../shared/ipc';

declare global {
  interface Window {
    creditbar: CreditbarApi;
  }
}

/** The only way the renderer reaches the app: the preload's narrow, validated bridge. */
export function api(): CreditbarApi {
  return window.creditbar;
}

import type { AccountView, AppState, SparkPoint } from '../../../shared/app-state';
import { type Account, effectiveAccount, type Settings } from '../../../shared/config';
import type { Language } from '../../../shared/i18n/languages';
import type { Message } from '../../../shared/message';
import type { PresetFile } from '../../../shared/preset-file';
import { hasCredential, PROVIDERS } from '../../../shared/providers';
import type { UpdatesView } from '../../../shared/updates';
import type { Forecast } from '../alerts/forecast';
import { stopsPolling } from '../monitor/poll-policy';
import type { AccountResult } from '../monitor/refresh-account';
import { toAccountStatus } from '../present/account-status';

/** The latest poll of an account, its forecast, and when the poll finished. */
export interface AccountEntry {
  result: AccountResult;
  forecast: Forecast | null;
  at: string | null;
  /** The last 30 days, downsampled (see sparklineOf); absent until the history was read. */
  sparkline?: SparkPoint[];
}

export interface AppStateInput {
  accounts: readonly Account[];
  settings: Settings;
  /** The last result of each account (LatestResults, or a map in tests). */
  entries: Pick<ReadonlyMap<string, AccountEntry>, 'get'>;
  keyHints: ReadonlyMap<string, string | null>;
  snoozedUntil: (accountId: string) => string | null;
  /** When each account is checked next, and why; absent where nothing is scheduled. */
  nextCheck?: (accountId: string) => AccountView['nextCheck'] | null;
  paused: boolean;
  launchAtLogin: boolean;
  launchAtLoginAvailable: boolean;
  presets?: readonly PresetFile[];
  platform?: NodeJS.Platform;
  language?: Language;
  systemLanguage?: Language;
  shortcutProblem?: Message | null;
  notificationsBlocked?: boolean;
  metricsServer?: AppState['metricsServer'];
  updates: UpdatesView;
  now: Date;
}

/** What the popover shows, from what the app knows: pure, so every field is tested without a window. */
export function toAppState(input: AppStateInput): AppState {
  const accounts: AccountView[] = input.accounts.map((account) => {
    const entry = input.entries.get(account.id);
    const result = entry?.result ?? { account, snapshot: null, stale: false, error: null };
    const status = toAccountStatus(
      { ...result, account: effectiveAccount(account, input.settings) },
      input.now,
      entry?.forecast ?? null,
    );
    const retryAfter = result.error?.retryAfterSeconds;
    const view: AccountView = {
      ...status,
      providerName: PROVIDERS[account.provider].displayName,
      forecast: entry?.forecast ?? null,
      hasKey: hasCredential(account.provider) && result.error?.kind !== 'no_credentials',
      keyHint: input.keyHints.get(account.id) ?? null,
      alerts: account.alerts ?? {},
      snoozedUntil: input.snoozedUntil(account.id),
      stopped: result.error && stopsPolling(result.error.kind) ? result.error.kind : null,
      extras: result.snapshot?.extras ?? {},
      checkedAt: entry?.at ?? null,
      retryAt:
        retryAfter !== undefined && entry?.at
          ? new Date(Date.parse(entry.at) + retryAfter * 1000).toISOString()
          : null,
      config: account,
      ...(entry?.sparkline ? { sparkline: entry.sparkline } : {}),
    };
    const next = input.nextCheck?.(account.id);
    return next ? { ...view, nextCheck: next } : view;
  });
  return {
    accounts,
    paused: input.paused,
    settings: input.settings,
    launchAtLogin: input.launchAtLogin,
    launchAtLoginAvailable: input.launchAtLoginAvailable,
    ...(input.platform ? { platform: input.platform } : {}),
    ...(input.language
      ? { language: input.language, systemLanguage: input.systemLanguage ?? input.language }
      : {}),
    ...(input.shortcutProblem ? { shortcutProblem: input.shortcutProblem } : {}),
    ...(input.notificationsBlocked ? { notificationsBlocked: true as const } : {}),
    ...(input.presets && input.presets.length > 0 ? { presets: [...input.presets] } : {}),
    ...(input.metricsServer ? { metricsServer: input.metricsServer } : {}),
    updates: input.updates,
  };
}

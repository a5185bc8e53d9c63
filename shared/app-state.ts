import { z } from 'zod';
import { AlertThresholds, Settings } from './config';
import { AccountStatus, SnapshotExtras } from './model';

export const ForecastView = z.object({
  burnPerDay: z.number().nullable(),
  daysLeft: z.number().nullable(),
  emptyAt: z.string().nullable(),
  quotaPercentAtEnd: z.number().nullable(),
});

/** One account as the renderer sees it: never its key, at most the key's last four characters. */
export const AccountView = AccountStatus.extend({
  providerName: z.string(),
  forecast: ForecastView.nullable(),
  hasKey: z.boolean(),
  keyHint: z.string().nullable(),
  alerts: AlertThresholds,
  snoozedUntil: z.string().nullable(),
  /** Why polling stopped (a rejected key, say); null while it polls. */
  stopped: z.string().nullable(),
  extras: SnapshotExtras,
  /** When the last poll (fresh or failed) finished. */
  checkedAt: z.string().nullable(),
  /** When a rate-limited account may be asked again. */
  retryAt: z.string().nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

/** Everything the popover shows, pushed whole on every change (small: no history). */
export const AppState = z.object({
  accounts: z.array(AccountView),
  paused: z.boolean(),
  settings: Settings,
  launchAtLogin: z.boolean(),
});
export type AppState = z.infer<typeof AppState>;

import { Account, AlertThresholds, Settings } from './config';
import { LANGUAGES } from './i18n/languages';
import { MessageSchema } from './message';
import { AccountStatus, SnapshotExtras } from './model';
import { PresetFile } from './preset-file';
import { UpdatesView } from './updates';
import { z } from './zod';

export const ForecastView = z.object({
  burnPerDay: z.nullable(z.number()),
  daysLeft: z.nullable(z.number()),
  emptyAt: z.nullable(z.string()),
  quotaPercentAtEnd: z.nullable(z.number()),
  /** The last top-up the readings show, and the balance just after it (shared/top-ups.ts). */
  lastTopUp: z.optional(z.nullable(z.object({ at: z.iso.datetime({ offset: true }), after: z.number() }))),
});

/** One account as the renderer sees it: never its key, at most the key's last four characters. */
/** One point of an account's sparkline: its last 30 days, a few dozen points, drawn as they come. */
export const SparkPoint = z.object({
  t: z.number(),
  remaining: z.nullable(z.number()),
  maxPercent: z.nullable(z.number()),
});
export type SparkPoint = z.infer<typeof SparkPoint>;

export const AccountView = z.extend(AccountStatus, {
  providerName: z.string(),
  forecast: z.nullable(ForecastView),
  hasKey: z.boolean(),
  keyHint: z.nullable(z.string()),
  alerts: AlertThresholds,
  snoozedUntil: z.nullable(z.string()),
  /** Why polling stopped (a rejected key, say); null while it polls. */
  stopped: z.nullable(z.string()),
  extras: SnapshotExtras,
  /** When the last poll (fresh or failed) finished. */
  checkedAt: z.nullable(z.string()),
  /** When a rate-limited account may be asked again. */
  retryAt: z.nullable(z.string()),
  /** When the next check is and why then; absent while stopped or paused. */
  nextCheck: z.optional(
    z.object({
      at: z.string(),
      why: z.enum(['near-level', 'learning', 'idle', 'steady', 'backoff', 'rate-limited', 'payment']),
    }),
  ),
  /**
   * The last 30 days, downsampled by main when the history changes: the overview draws every sparkline with the
   * state, instead of asking for twenty histories when it opens.
   */
  sparkline: z.optional(z.array(SparkPoint)),
  /** The account as configured (host, user id, custom endpoint, poll interval...), for the edit form. No key. */
  config: Account,
});
export type AccountView = z.infer<typeof AccountView>;

/** Everything the popover shows, pushed whole on every change (small: no history). */
export const AppState = z.object({
  accounts: z.array(AccountView),
  paused: z.boolean(),
  settings: Settings,
  launchAtLogin: z.boolean(),
  /** False where launch at login is not offered (an unpackaged dev build would start bare Electron). */
  launchAtLoginAvailable: z.boolean(),
  /** The OS the app runs on: settings that exist on one OS only (the macOS menu-bar title) show there only. */
  platform: z.optional(z.string().check(z.maxLength(20))),
  /** The language everything is said in (the setting's, else the OS's), and the one the OS alone would give. */
  language: z.optional(z.enum(LANGUAGES)),
  systemLanguage: z.optional(z.enum(LANGUAGES)),
  /** Why the shortcut in settings does not work (another app holds it); absent when it works or none is set. */
  shortcutProblem: z.optional(MessageSchema),
  /** The OS refused a notification (macOS, an unsigned build): the popover says how to allow them. */
  notificationsBlocked: z.optional(z.literal(true)),
  /** Presets added from files: the add form offers them as ready custom endpoints. */
  presets: z.optional(z.array(PresetFile)),
  /** The metrics endpoint while the setting is on: where it serves, or why it cannot. */
  metricsServer: z.optional(
    z.strictObject({ base: z.nullable(z.string()), problem: z.nullable(MessageSchema) }),
  ),
  /** The version (Settings' About line), who updates this copy, and what the updater last did. */
  updates: UpdatesView,
});
export type AppState = z.infer<typeof AppState>;

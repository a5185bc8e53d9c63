import type { BadgeChoice } from '../../../shared/config';
import type { Translator } from '../../../shared/i18n/translator';
import type { AccountStatus } from '../../../shared/model';
import type { UpdatesView } from '../../../shared/updates';
import { accountFigure, type BadgeFigure, balanceSum, figureOf } from './badge-model';

/** The tray's context menu as data; the shell maps each item to an Electron MenuItem and each action to a call. */
export type MenuAction =
  | { type: 'open'; accountId?: string }
  | { type: 'hide' }
  | { type: 'refresh' }
  | { type: 'pause'; minutes: number | null }
  | { type: 'resume' }
  | { type: 'settings' }
  | { type: 'toggle-login' }
  | { type: 'check-updates' }
  | { type: 'install-update' }
  | { type: 'quit' };

export type MenuItemModel =
  | { kind: 'item'; label: string; action: MenuAction; enabled?: boolean }
  | { kind: 'checkbox'; label: string; checked: boolean; action: MenuAction; enabled?: boolean }
  | { kind: 'separator' };

export interface MenuInput {
  accounts: readonly Pick<
    AccountStatus,
    'id' | 'label' | 'level' | 'stale' | 'remaining' | 'unit' | 'quotas'
  >[];
  paused: boolean;
  launchAtLogin: boolean;
  launchAtLoginAvailable: boolean;
  /** Linux tray clicks are unreliable (AppIndicator), so "Open" must be in the menu there. */
  platform: NodeJS.Platform;
  /** The tray number's choice: the menu says the same figure, and leads with what the badge shows. */
  badge?: BadgeChoice;
  /** Offered only where this copy updates itself; a package manager's install says why in Settings. */
  updates?: UpdatesView;
}

/** "Check for updates", what it is doing, or "Restart to update to 1.2.0" once one is downloaded. */
function updateItem(tr: Translator, updates: UpdatesView | undefined): MenuItemModel | null {
  if (updates?.source.kind !== 'self-updating') return null;
  const { t } = tr;
  const { status } = updates;
  switch (status.kind) {
    case 'ready':
      return {
        kind: 'item',
        label: t('menu.restartToUpdate', { version: status.version }),
        action: { type: 'install-update' },
      };
    case 'checking':
      return {
        kind: 'item',
        label: t('menu.checkingUpdates'),
        action: { type: 'check-updates' },
        enabled: false,
      };
    case 'downloading':
      return {
        kind: 'item',
        label: t('menu.downloadingUpdate', { version: status.version }),
        action: { type: 'check-updates' },
        enabled: false,
      };
    default:
      return { kind: 'item', label: t('menu.checkUpdates'), action: { type: 'check-updates' } };
  }
}

function accountLine(tr: Translator, a: MenuInput['accounts'][number], figure: BadgeFigure): string {
  const { t } = tr;
  const mark = a.level === 'ok' ? '' : t('menu.accountLevel', { level: t(`level.${a.level}`) });
  return `${a.label}: ${accountFigure(tr, a, figure).text}${mark}${a.stale ? t('menu.accountStale') : ''}`;
}

/** The accounts in menu order: a pinned account first (it is the one in the menu bar), the rest as configured. */
function menuAccounts(input: MenuInput): MenuInput['accounts'] {
  if (input.badge?.source !== 'pinned') return input.accounts;
  const pinned = input.accounts.find((a) => a.id === input.badge?.accountId);
  return pinned ? [pinned, ...input.accounts.filter((a) => a !== pinned)] : input.accounts;
}

export function menuModel(tr: Translator, input: MenuInput): MenuItemModel[] {
  const { t, amountWithUnit } = tr;
  const items: MenuItemModel[] = [];
  items.push({ kind: 'item', label: t('menu.open'), action: { type: 'open' } });
  // Where the menu is the only way in (Linux), it is also a way out: blur may never fire there (Wayland).
  if (input.platform === 'linux')
    items.push({ kind: 'item', label: t('menu.hide'), action: { type: 'hide' } });
  items.push({ kind: 'separator' });
  if (input.accounts.length === 0) {
    items.push({
      kind: 'item',
      label: t('menu.noAccounts'),
      action: { type: 'open' },
      enabled: input.platform === 'linux',
    });
  }
  const sum = input.badge?.source === 'sum' ? balanceSum(input.accounts, input.badge.unit) : null;
  if (sum) {
    items.push({
      kind: 'item',
      label: t('menu.total', { count: sum.members.length, amount: amountWithUnit(sum.total, sum.unit) }),
      action: { type: 'open' },
    });
  }
  const figure = figureOf(input.badge);
  for (const account of menuAccounts(input)) {
    items.push({
      kind: 'item',
      label: accountLine(tr, account, figure),
      action: { type: 'open', accountId: account.id },
    });
  }
  items.push({ kind: 'separator' });
  items.push({
    kind: 'item',
    label: t('menu.refresh'),
    action: { type: 'refresh' },
    enabled: input.accounts.length > 0,
  });
  if (input.paused) items.push({ kind: 'item', label: t('menu.resume'), action: { type: 'resume' } });
  else {
    items.push({ kind: 'item', label: t('menu.pauseHour'), action: { type: 'pause', minutes: 60 } });
    items.push({
      kind: 'item',
      label: t('menu.pauseUntil'),
      action: { type: 'pause', minutes: null },
    });
  }
  items.push({ kind: 'separator' });
  items.push({ kind: 'item', label: t('menu.settings'), action: { type: 'settings' } });
  items.push({
    kind: 'checkbox',
    label: input.launchAtLoginAvailable ? t('menu.login') : t('menu.loginUnavailable'),
    checked: input.launchAtLogin,
    action: { type: 'toggle-login' },
    enabled: input.launchAtLoginAvailable,
  });
  const update = updateItem(tr, input.updates);
  if (update) items.push(update);
  items.push({ kind: 'separator' });
  items.push({ kind: 'item', label: t('menu.quit'), action: { type: 'quit' } });
  return items;
}

/**
 * The menu's identity: setting a new context menu closes one the person has open, so the shell rebuilds it only
 * when this changes (every item is plain data, labels and actions alike).
 */
export function menuSignature(items: readonly MenuItemModel[]): string {
  return JSON.stringify(items);
}

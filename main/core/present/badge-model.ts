import type { BadgeChoice } from '../../../shared/config';
import { ERROR_KINDS } from '../../../shared/error-kinds';
import { worstQuota as fullestQuota, sumUnits } from '../../../shared/format';
import type { MessageKey } from '../../../shared/i18n/catalog';
import type { Translator } from '../../../shared/i18n/translator';
import type { AccountStatus } from '../../../shared/model';
import { byNeed, rankedLevel } from '../../../shared/need-order';
import { percentLeftSince } from '../../../shared/top-ups';

/** What the tray shows, before any drawing: the number, its colour, whether it is old, and a tooltip. */
export type BadgeTone = 'ok' | 'warning' | 'critical' | 'empty' | 'error' | 'idle';

export interface BadgeModel {
  /** Short enough to draw in a 16 px icon: "1.2k", "35", "-4", "87%", "?" — or "" with no accounts. */
  text: string;
  tone: BadgeTone;
  stale: boolean;
  tooltip: string;
  /** The account the number belongs to, so a click can open it. */
  accountId: string | null;
}

export type BadgeAccount = Pick<
  AccountStatus,
  'id' | 'label' | 'level' | 'stale' | 'remaining' | 'unit' | 'quotas' | 'error' | 'ledger'
> & {
  /** The monitor's forecast: its last top-up is a prepaid account's percent meter. */
  forecast?: { daysLeft: number | null; lastTopUp?: { at: string; after: number } | null } | null;
};

/** An account with no current value (unknown, or an ok whose poll failed) shows as `error`. */
function toneOf(account: BadgeAccount): BadgeTone {
  const level = rankedLevel(account);
  return level === 'unknown' ? 'error' : level;
}

/** Compact numbers that fit four glyphs: 35, 999, 1.2k, 12k, 120k, 1.2M, 3T, -4; beyond 10^15, >1P. */
export function compactNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const scaled = (n: number, suffix: string) => {
    const text = n < 10 ? (Math.floor(n * 10) / 10).toFixed(1).replace(/\.0$/, '') : String(Math.floor(n));
    return `${sign}${text}${suffix}`;
  };
  if (abs < 1000)
    return `${sign}${abs < 10 && abs % 1 !== 0 ? (Math.floor(abs * 10) / 10).toString() : Math.floor(abs)}`;
  if (abs < 1e6) return scaled(abs / 1e3, 'k');
  if (abs < 1e9) return scaled(abs / 1e6, 'M');
  if (abs < 1e12) return scaled(abs / 1e9, 'G');
  if (abs < 1e15) return scaled(abs / 1e12, 'T');
  // Past a thousand trillion no figure means more, and none may grow past the icon ("1e+299G", "InfinityG").
  return `${sign}>1P`;
}

/** Which figure the badge, menu and tooltip show; absent in settings, the account's own headline. */
export type BadgeFigure = NonNullable<BadgeChoice['figure']> | 'headline';

/**
 * One account's number in the chosen figure: `compact` fits the badge, `text` is the menu's and tooltip's
 * phrase. A prepaid balance has no percent, so "percent used" shows its balance; a quota's "remaining" is what
 * is left of the fullest quota.
 */
export function accountFigure(
  tr: Translator,
  account: Pick<BadgeAccount, 'remaining' | 'unit' | 'quotas' | 'forecast'> & { ledger?: unknown },
  figure: BadgeFigure,
): { compact: string; text: string } {
  const { t, amountWithUnit, formatAmount, headlineText, quotaName, intl } = tr;
  const quota = fullestQuota(account);
  const lastTopUp = account.forecast?.lastTopUp ?? null;
  const sinceTopUp = percentLeftSince(account.remaining, lastTopUp);
  // A prepaid balance's percent is what is left of its last top-up: a meter, not the balance again.
  if (figure === 'percent' && !quota && sinceTopUp !== null && lastTopUp) {
    return {
      compact: `${Math.floor(sinceTopUp)}%`,
      text: t('tray.percentLeftSinceTopUp', {
        percent: formatAmount(sinceTopUp),
        date: intl().dayMonth.format(new Date(lastTopUp.at)),
      }),
    };
  }
  if (figure === 'percent' && quota) {
    return {
      compact: `${Math.min(999, Math.round(quota.percentUsed))}%`,
      text: t('tray.percentUsed', { percent: formatAmount(quota.percentUsed), name: quotaName(quota.name) }),
    };
  }
  if (account.remaining !== null) {
    const amount = amountWithUnit(account.remaining, account.unit ?? 'credits');
    // An estimate says so wherever it is written in words (the menu, the tooltip): "≈ $87.66".
    return {
      compact: compactNumber(account.remaining),
      text: account.ledger ? t('headline.estimated', { amount }) : amount,
    };
  }
  if (!quota) return { compact: '?', text: headlineText(account) };
  if (figure === 'remaining') {
    const left = quota.included - quota.used;
    return {
      compact: compactNumber(left),
      text: t('tray.leftOf', { amount: amountWithUnit(left, quota.unit), name: quotaName(quota.name) }),
    };
  }
  return { compact: `${Math.min(999, Math.round(quota.percentUsed))}%`, text: headlineText(account) };
}

/** The figure a choice asks for: unset means each account's own headline. */
export function figureOf(choice: BadgeChoice | undefined): BadgeFigure {
  return choice?.figure ?? 'headline';
}

type Balance = Pick<BadgeAccount, 'remaining' | 'unit'>;

/** The sum of every prepaid balance in one unit, and the accounts it took; null when none has that unit. */
export function balanceSum<A extends Balance>(
  accounts: readonly A[],
  unit: string | undefined,
): { unit: string; total: number; members: A[] } | null {
  const units = sumUnits(accounts);
  const chosen = unit && units.includes(unit) ? unit : units[0];
  if (chosen === undefined) return null;
  const members = accounts.filter((a) => a.remaining !== null && (a.unit ?? 'credits') === chosen);
  return { unit: chosen, total: members.reduce((sum, a) => sum + (a.remaining as number), 0), members };
}

function tooltipLine(tr: Translator, account: BadgeAccount, figure: BadgeFigure): string {
  const { t } = tr;
  const notes = [
    account.level !== 'ok' ? t(`level.${account.level}`) : null,
    account.stale ? t('tray.stale') : null,
    account.error ? t(ERROR_KINDS[account.error.kind].label) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${account.label}: ${accountFigure(tr, account, figure).text}${notes ? ` (${notes})` : ''}`;
}

/** How each tone is said in the summary, most urgent first; `ok` and `idle` are not listed. */
const TONE_WORDS: [BadgeTone, MessageKey][] = [
  ['empty', 'tray.toneEmpty'],
  ['critical', 'tray.toneCritical'],
  ['warning', 'tray.toneWarning'],
  ['error', 'tray.toneError'],
];

/** The state in words, for the tooltip's first line and screen readers: "Creditbar: 1 of 3 accounts low". */
export function stateInWords({ t }: Translator, accounts: readonly BadgeAccount[], paused: boolean): string {
  const name = paused ? t('tray.namePaused') : t('app.name');
  const total = accounts.length;
  const counts = TONE_WORDS.map(
    ([tone, words]) => [accounts.filter((a) => toneOf(a) === tone).length, words] as const,
  ).filter(([count]) => count > 0);
  if (counts.length === 0)
    return total === 1 ? t('tray.oneOk', { name }) : t('tray.allOk', { name, count: total });
  const [[firstCount, firstWords], ...rest] = counts as [(typeof counts)[number], ...typeof counts];
  return t('tray.state', {
    count: total,
    name,
    first: firstCount,
    firstWords: t(firstWords),
    rest: rest.map(([count, words]) => t('tray.stateMore', { count, words: t(words) })).join(''),
  });
}

function worstOf(accounts: readonly BadgeAccount[]): BadgeAccount {
  return byNeed(accounts)[0] as BadgeAccount;
}

/**
 * The tray number as chosen in settings: the worst account (default), a pinned one (its own number and colour;
 * the tooltip's first line still tells every account's state, and alerts still come for all), or the sum of the
 * prepaid balances in one unit (the colour of the worst account in it). A pinned account that is gone, or a sum
 * with no balance to add, falls back to the worst account.
 */
export function badgeModel(
  tr: Translator,
  accounts: readonly BadgeAccount[],
  paused = false,
  choice: BadgeChoice | undefined = undefined,
): BadgeModel {
  const { t, amountWithUnit } = tr;
  if (accounts.length === 0) {
    return { text: '', tone: 'idle', stale: false, tooltip: t('tray.noAccounts'), accountId: null };
  }
  const figure = figureOf(choice);
  const lines = [stateInWords(tr, accounts, paused)];
  const accountLines = accounts.map((a) => tooltipLine(tr, a, figure));
  if (choice?.source === 'sum') {
    const sum = balanceSum(accounts, choice.unit);
    if (sum) {
      const worst = worstOf(sum.members);
      lines.push(
        t('tray.menuBarSum', { count: sum.members.length, amount: amountWithUnit(sum.total, sum.unit) }),
      );
      return {
        text: compactNumber(sum.total),
        tone: toneOf(worst),
        stale: sum.members.some((a) => a.stale),
        tooltip: [...lines, ...accountLines].join('\n'),
        accountId: null,
      };
    }
  }
  const pinned = choice?.source === 'pinned' ? accounts.find((a) => a.id === choice.accountId) : undefined;
  if (pinned) lines.push(t('tray.menuBarPinned', { label: pinned.label }));
  const shown = pinned ?? worstOf(accounts);
  return {
    text: accountFigure(tr, shown, figure).compact,
    tone: toneOf(shown),
    stale: shown.stale,
    tooltip: [...lines, ...accountLines].join('\n'),
    accountId: shown.id,
  };
}

/** How the tray draws the model: on macOS a title beside the template icon, or the number inside the icon. */
export function trayLook(
  badge: Pick<BadgeModel, 'text' | 'stale'>,
  platform: NodeJS.Platform,
  choice: BadgeChoice | undefined,
): { title: string | null; icon: 'template' | 'badge' } {
  if (platform !== 'darwin') return { title: null, icon: 'badge' };
  if (choice?.macos === 'icon') return { title: '', icon: badge.text ? 'badge' : 'template' };
  return { title: badge.text ? `${badge.text}${badge.stale ? '*' : ''}` : '', icon: 'template' };
}

/**
 * Windows keeps at most 127 characters of a tray tooltip (NOTIFYICONDATA's szTip, 128 with its terminator) and
 * cuts the rest mid-word: there it says whole lines while they fit, at least the state in words, cut with "…".
 * Elsewhere the whole tooltip.
 */
export const WINDOWS_TOOLTIP_CHARS = 127;

export function trayTooltip(tooltip: string, platform: NodeJS.Platform): string {
  if (platform !== 'win32' || tooltip.length <= WINDOWS_TOOLTIP_CHARS) return tooltip;
  const [first = '', ...rest] = tooltip.split('\n');
  if (first.length > WINDOWS_TOOLTIP_CHARS) return `${first.slice(0, WINDOWS_TOOLTIP_CHARS - 1)}…`;
  let kept = first;
  for (const line of rest) {
    if (kept.length + 1 + line.length > WINDOWS_TOOLTIP_CHARS) break;
    kept = `${kept}\n${line}`;
  }
  return kept;
}

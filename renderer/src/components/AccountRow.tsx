import type { AccountView } from '../../../shared/app-state';
import { providerTag } from '../../../shared/providers';
import { useTranslator } from '../hooks/use-translator';
import { clockTime, daysLeftText, snoozedText, statusLine } from '../view-model';
import { Sparkline } from './Sparkline';

function initials(label: string): string {
  const words = label.trim().split(/\s+/);
  return ((words[0]?.[0] ?? '?') + (words[1]?.[0] ?? '')).toUpperCase();
}

export function AccountRow(props: {
  account: AccountView;
  now: number;
  numberFormat: 'full' | 'compact' | undefined;
  onOpen: (id: string) => void;
}) {
  const tr = useTranslator();
  const { t, headline, unitLabel } = tr;
  const { account, now, numberFormat, onOpen } = props;
  const { value, caption } = headline(account, numberFormat);
  const runway = daysLeftText(tr, account);
  const status = statusLine(tr, account, now);
  const tag = providerTag(account.provider);
  const snoozed = snoozedText(tr, account, now);
  const nextCheck = account.nextCheck ? t('next.short', { time: clockTime(tr, account.nextCheck.at) }) : null;
  // Said in words as well as by colour: a person who cannot tell the colours apart still reads the level.
  const levelWord = account.level === 'ok' ? null : t(`level.${account.level}`);
  return (
    <li>
      <button
        type="button"
        className={`account-row level-${account.level}${account.stale ? ' is-stale' : ''}`}
        onClick={() => onOpen(account.id)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(account.label)}
        </span>
        <span className="row-main">
          <span className="row-title">
            <span className="row-label">{account.label}</span>
            <span className="visually-hidden">{`, ${account.providerName}, `}</span>
            {levelWord ? (
              <span className={`tag level-word level-${account.level}`}>{levelWord}</span>
            ) : (
              <span className="visually-hidden">{t('row.fine')}</span>
            )}
            {tag ? <span className="tag">{tag}</span> : null}
            {account.stale ? <span className="tag">{t('row.stale')}</span> : null}
          </span>
          <span className="row-status">
            {[status, snoozed, nextCheck].filter((part) => part !== null).join(' · ')}
          </span>
          {runway ? <span className="runway">{runway}</span> : null}
        </span>
        <span className="row-figures">
          <span className="headline">{value}</span>
          <span className="caption">{caption}</span>
        </span>
        <Sparkline
          points={account.sparkline ?? []}
          unit={account.unit === null ? '%' : unitLabel(account.unit)}
        />
      </button>
    </li>
  );
}

import type { AccountView } from '../../../shared/app-state';
import { providerTag } from '../../../shared/providers';
import { daysLeftText, headline, statusLine } from '../view-model';
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
  const { account, now, numberFormat, onOpen } = props;
  const { value, caption } = headline(account, numberFormat);
  const runway = daysLeftText(account);
  const status = statusLine(account, now);
  const tag = providerTag(account.provider);
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
            <span className="visually-hidden">{`, ${account.providerName}, ${account.level === 'ok' ? 'fine' : account.level}, `}</span>
            {tag ? <span className="tag">{tag}</span> : null}
            {account.stale ? <span className="tag">stale</span> : null}
          </span>
          <span className="row-status">{status}</span>
          {runway ? <span className="runway">{runway}</span> : null}
        </span>
        <span className="row-figures">
          <span className="headline">{value}</span>
          <span className="caption">{caption}</span>
        </span>
        <Sparkline points={account.sparkline ?? []} unit={account.unit ?? '%'} />
      </button>
    </li>
  );
}

import type { AccountView } from '../../../shared/app-state';
import { providerTag } from '../../../shared/providers';
import { useTranslator } from '../hooks/use-translator';
import { daysLeftText, snoozedText, statusLine } from '../view-model';
import { Sparkline } from './Sparkline';

/**
 * One account at a glance: its name whole on the first line, the provider and how it stands on the second, days
 * left on the third; the figure on the right, with its 30-day line under it when there is one. The level is said
 * by the stripe, by the figure's colour and, above ok, in words.
 */
export function AccountRow(props: {
  account: AccountView;
  now: number;
  numberFormat: 'full' | 'compact' | undefined;
  onOpen: (id: string) => void;
}) {
  const tr = useTranslator();
  const { t, say, headline, unitLabel } = tr;
  const { account, now, numberFormat, onOpen } = props;
  const { value, caption } = headline(account, numberFormat);
  const runway = daysLeftText(tr, account);
  const status = statusLine(tr, account, now);
  // Above ok, why ("quota expected at 101% by the end of the period") says more than when it was updated.
  const reason = account.reason && !account.error ? say(account.reason) : null;
  const tag = providerTag(account.provider);
  const snoozed = snoozedText(tr, account, now);
  // Said in words as well as by colour: a person who cannot tell the colours apart still reads the level.
  const levelWord = account.level === 'ok' ? null : t(`level.${account.level}`);
  // The provider, unless the name already says it ("DeepL test" on DeepL).
  const provider = account.label.toLowerCase().includes(account.providerName.toLowerCase())
    ? null
    : account.providerName;
  // A balance nothing judges (no level of the person's own, no runway yet) is not "ok": it is shown plain.
  const shade = account.judged ? account.level : 'none';
  return (
    <li>
      <button
        type="button"
        className={`account-row level-${shade}${account.stale ? ' is-stale' : ''}`}
        onClick={() => onOpen(account.id)}
      >
        <span className="row-main">
          <span className="row-title">
            <span className="row-label" title={account.label}>
              {account.label}
            </span>
            {[tag ? t(tag) : null, account.stale ? t('row.stale') : null].map((word) =>
              word ? (
                <span key={word} className="tag">
                  <span className="visually-hidden">, </span>
                  {word}
                </span>
              ) : null,
            )}
            <span className="visually-hidden">, </span>
          </span>
          <span className="row-status">
            {levelWord ? (
              <span className={`level-word level-${account.level}`}>
                {levelWord}
                <span className="visually-hidden">, </span>
              </span>
            ) : (
              <span className="visually-hidden">{t('row.fine')}</span>
            )}
            {[provider, reason ?? status, snoozed].filter((part) => part !== null).join(' · ')}
            <span className="visually-hidden">, </span>
          </span>
          {runway ? (
            <span className="runway">
              {runway}
              <span className="visually-hidden">, </span>
            </span>
          ) : null}
        </span>
        <span className="row-figures">
          <span className="headline">{value}</span>
          <span className="caption">{caption}</span>
          <Sparkline
            points={account.sparkline ?? []}
            unit={account.unit === null ? '%' : unitLabel(account.unit)}
          />
        </span>
      </button>
    </li>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { AccountView } from '../../../shared/app-state';
import { type LedgerEntry, type LedgerEntryKind, RESTATE_AFTER_DAYS } from '../../../shared/ledger';
import { api } from '../api';
import { useTranslator } from '../hooks/use-translator';
import { amountFromInput } from '../view-model';

/** The reader's decimal and group signs, as their language writes 1,234.5. */
function separators(format: Intl.NumberFormat): { decimal: string; group: string } {
  const parts = format.formatToParts(1234.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/**
 * A ledger account's balance as the estimate it is (OpenAI, Anthropic): what it is made of, the balances stated and
 * top-ups recorded (each removable), and the form that states a balance or records a top-up. Before a balance is
 * stated it says why one is needed, and shows what was spent.
 */
export function LedgerPanel(props: { account: AccountView }) {
  const tr = useTranslator();
  const { t, say, intl, amountWithUnit } = tr;
  const { account } = props;
  const view = account.extras.ledger;
  const currency = account.unit ?? 'USD';
  const money = (amount: number) => amountWithUnit(amount, currency);
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [amount, setAmount] = useState('');
  const [when, setWhen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await api().ledgerGet({ accountId: account.id });
    if (result.ok) setEntries([...result.value].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)));
  }, [account.id]);
  // Read again whenever the account's value changes: an entry made from the CLI shows here too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetchedAt is the signal to read again.
  useEffect(() => {
    void load();
  }, [load, account.fetchedAt]);

  const record = async (kind: LedgerEntryKind) => {
    const { decimal, group } = separators(intl().decimal);
    const typed = amountFromInput(amount, decimal, group);
    if (typed === null) {
      setProblem(t('ledger.typeAmount'));
      setNotice(null);
      return;
    }
    // A local date and time from the picker; empty is now.
    const at = when ? new Date(when).toISOString() : undefined;
    const result = await api().ledgerRecord({
      accountId: account.id,
      kind,
      amount: typed,
      ...(at ? { at } : {}),
    });
    if (!result.ok) {
      setProblem(say(result.error.message));
      setNotice(null);
      return;
    }
    setProblem(null);
    setAmount('');
    setWhen('');
    const done = t(kind === 'balance' ? 'ledger.stated' : 'ledger.recorded', {
      amount: money(Number(typed)),
    });
    setNotice(result.value.note ? `${done} ${say(result.value.note)}` : done);
    await load();
  };

  const remove = async (entry: LedgerEntry) => {
    const result = await api().ledgerRemove({ accountId: account.id, entryId: entry.id });
    if (!result.ok) setProblem(say(result.error.message));
    else {
      setProblem(null);
      setNotice(
        t('ledger.removed', { kind: t(`ledger.kind.${entry.kind}`), amount: money(Number(entry.amount)) }),
      );
      await load();
    }
  };

  const { dayMonthTime } = intl();
  return (
    <section aria-labelledby="ledger-title" className="ledger">
      <h2 id="ledger-title">{t('ledger.title')}</h2>
      {view?.restate ? (
        <p className="restate">
          {view.restate === 'negative'
            ? t('reason.restateNegative')
            : t('reason.restateOld', { days: RESTATE_AFTER_DAYS })}
        </p>
      ) : null}
      {view?.statedAt ? (
        <ul className="kv">
          <li>
            <span>{t('ledger.statedOn', { date: dayMonthTime.format(new Date(view.statedAt)) })}</span>
            <span>{money(view.stated ?? 0)}</span>
          </li>
          {view.topUps > 0 ? (
            <li>
              <span>{t('ledger.topUpsSince')}</span>
              <span>+{money(view.topUps)}</span>
            </li>
          ) : null}
          <li>
            <span>{t('ledger.costsSince')}</span>
            <span>−{money(view.spent)}</span>
          </li>
        </ul>
      ) : (
        <p>{t('ledger.why', { provider: account.providerName })}</p>
      )}
      {view ? (
        <ul className="kv ledger-spend">
          <li>
            <span>{t('ledger.spentToday')}</span>
            <span>{money(view.spentToday)}</span>
          </li>
          <li>
            <span>{t('ledger.spentThisMonth')}</span>
            <span>{money(view.spentThisMonth)}</span>
          </li>
        </ul>
      ) : null}

      <fieldset className="ledger-form">
        <legend className="action-label">{t('ledger.formLegend')}</legend>
        <label htmlFor={`${account.id}-ledger-amount`} className="field">
          <span>{t('ledger.amount', { currency })}</span>
          <input
            id={`${account.id}-ledger-amount`}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${account.id}-ledger-problem` : undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label htmlFor={`${account.id}-ledger-when`} className="field">
          <span>{t('ledger.when')}</span>
          <input
            id={`${account.id}-ledger-when`}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </label>
        <div className="action-row">
          <button type="button" onClick={() => record('balance')}>
            {t('ledger.stateBalance')}
          </button>
          <button type="button" onClick={() => record('top-up')}>
            {t('ledger.recordTopUp')}
          </button>
        </div>
        {problem ? (
          <p id={`${account.id}-ledger-problem`} role="alert" className="error-text">
            {problem}
          </p>
        ) : null}
        {notice ? <p role="status">{notice}</p> : null}
      </fieldset>

      {entries.length > 0 ? (
        <ul className="kv ledger-entries" aria-label={t('ledger.entries')}>
          {entries.map((entry) => {
            const what = t(`ledger.kind.${entry.kind}`);
            const amountText = money(Number(entry.amount));
            const date = dayMonthTime.format(new Date(entry.at));
            return (
              <li key={entry.id}>
                <span>
                  {what} · {date}
                </span>
                <span>
                  {amountText}{' '}
                  <button
                    type="button"
                    aria-label={t('ledger.removeLabel', { kind: what, amount: amountText, date })}
                    onClick={() => remove(entry)}
                  >
                    {t('ledger.remove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

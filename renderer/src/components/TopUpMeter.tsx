import type { AccountView } from '../../../shared/app-state';
import { percentLeftSince } from '../../../shared/top-ups';
import { useTranslator } from '../hooks/use-translator';

/**
 * A prepaid balance as a meter: what is left of the balance its last top-up brought (shared/top-ups.ts), drawn as
 * a quota is, so "how much of what I bought is gone" reads at a glance rather than the balance a second time.
 */
export function TopUpMeter({ account }: { account: AccountView }) {
  const { t, formatAmount, amountWithUnit, intl } = useTranslator();
  const lastTopUp = account.forecast?.lastTopUp ?? null;
  const left = percentLeftSince(account.remaining, lastTopUp);
  if (left === null || !lastTopUp || account.quotas.length > 0) return null;
  const date = intl().dayMonth.format(new Date(lastTopUp.at));
  const label = t('meter.label', { amount: amountWithUnit(lastTopUp.after, account.unit), date });
  const shade = account.judged ? account.level : 'none';
  return (
    <section aria-labelledby="meter-title">
      <h2 id="meter-title">{t('meter.title')}</h2>
      <div className="quota-head">
        <span>{label}</span>
        <span>{t('meter.left', { percent: formatAmount(left) })}</span>
      </div>
      <div
        className={`progress level-${shade}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(left)}
        aria-valuetext={t('meter.left', { percent: formatAmount(left) })}
      >
        <span className="progress-fill" style={{ width: `${left}%` }} />
      </div>
    </section>
  );
}

import type { AlertThresholds } from '../../../shared/config';
import type { Quota } from '../../../shared/model';
import { levelFor, quotaThresholds } from '../../../shared/thresholds';
import { useTranslator } from '../hooks/use-translator';

/** Each quota as a bar: used against included, with any overage shown past the end. */
export function QuotaBars({ quotas, alerts }: { quotas: readonly Quota[]; alerts: AlertThresholds }) {
  const tr = useTranslator();
  const { t, formatAmount, quotaName, unitLabel } = tr;
  if (quotas.length === 0) return null;
  const thresholds = quotaThresholds(alerts);
  return (
    <section aria-labelledby="quotas-title">
      <h2 id="quotas-title">{t('quotas.title')}</h2>
      <ul className="quotas">
        {quotas.map((q) => {
          const over = Math.max(0, q.used - q.included);
          const level = levelFor(thresholds, q.percentUsed);
          return (
            <li key={q.metric}>
              <div className="quota-head">
                <span>{quotaName(q.name)}</span>
                <span>
                  {formatAmount(q.used)} / {formatAmount(q.included)} {unitLabel(q.unit)}
                  {over > 0 ? (
                    <strong className="overage">{t('quotas.over', { amount: formatAmount(over) })}</strong>
                  ) : null}
                </span>
              </div>
              <div
                className={`progress level-${level}`}
                role="progressbar"
                aria-label={quotaName(q.name)}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(Math.min(100, q.percentUsed))}
                aria-valuetext={
                  level === 'ok'
                    ? t('quotas.used', { percent: formatAmount(q.percentUsed) })
                    : t('quotas.usedLevel', {
                        percent: formatAmount(q.percentUsed),
                        level: t(`level.${level}`),
                      })
                }
              >
                <span className="progress-fill" style={{ width: `${Math.min(100, q.percentUsed)}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

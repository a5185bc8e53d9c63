import { formatAmount } from '../../../shared/format';
import { t } from '../../../shared/i18n/translate';
import type { Quota } from '../../../shared/model';

/** Each quota as a bar: used against included, with any overage shown past the end. */
export function QuotaBars({
  quotas,
  warnPercent,
  criticalPercent,
}: {
  quotas: readonly Quota[];
  warnPercent: number;
  criticalPercent: number;
}) {
  if (quotas.length === 0) return null;
  return (
    <section aria-labelledby="quotas-title">
      <h2 id="quotas-title">{t('quotas.title')}</h2>
      <ul className="quotas">
        {quotas.map((q) => {
          const over = Math.max(0, q.used - q.included);
          return (
            <li key={q.metric}>
              <div className="quota-head">
                <span>{q.name}</span>
                <span>
                  {formatAmount(q.used)} / {formatAmount(q.included)} {q.unit}
                  {over > 0 ? (
                    <strong className="overage">{t('quotas.over', { amount: formatAmount(over) })}</strong>
                  ) : null}
                </span>
              </div>
              <div
                className={`progress level-${q.percentUsed >= criticalPercent ? 'critical' : q.percentUsed >= warnPercent ? 'warning' : 'ok'}`}
                role="progressbar"
                aria-label={q.name}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(Math.min(100, q.percentUsed))}
                aria-valuetext={
                  q.percentUsed >= criticalPercent
                    ? t('quotas.usedLevel', {
                        percent: formatAmount(q.percentUsed),
                        level: t('level.critical'),
                      })
                    : q.percentUsed >= warnPercent
                      ? t('quotas.usedLevel', {
                          percent: formatAmount(q.percentUsed),
                          level: t('level.warning'),
                        })
                      : t('quotas.used', { percent: formatAmount(q.percentUsed) })
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

import { formatAmount } from '../../../shared/format';
import type { Quota } from '../../../shared/model';

/** Each quota as a bar: used against included, with any overage shown past the end. */
export function QuotaBars({ quotas }: { quotas: readonly Quota[] }) {
  if (quotas.length === 0) return null;
  return (
    <section aria-labelledby="quotas-title">
      <h2 id="quotas-title">Quotas this period</h2>
      <ul className="quotas">
        {quotas.map((q) => {
          const over = Math.max(0, q.used - q.included);
          return (
            <li key={q.metric}>
              <div className="quota-head">
                <span>{q.name}</span>
                <span>
                  {formatAmount(q.used)} / {formatAmount(q.included)} {q.unit}
                  {over > 0 ? <strong className="overage"> (+{formatAmount(over)} over)</strong> : null}
                </span>
              </div>
              <meter
                min={0}
                max={100}
                low={80}
                high={95}
                optimum={0}
                value={Math.min(100, q.percentUsed)}
                aria-label={`${q.name}: ${formatAmount(q.percentUsed)}% used`}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { SAMPLE } from '../../../shared/providers';
import { api } from '../api';

export function EmptyState({ onAdd }: { onAdd: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const trySample = async () => {
    if (!SAMPLE) return;
    const result = await api().accountsAdd({ account: SAMPLE });
    if (!result.ok) setProblem(result.error.message);
  };
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h1 id="empty-title">Watch your API credit</h1>
      <p>
        Creditbar checks the balance and quotas of the paid APIs you use, shows the worst one in your menu
        bar, and warns you before one runs dry. Your keys stay in the system keychain.
      </p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={onAdd}>
          Add your first account
        </button>
        {SAMPLE ? (
          <button type="button" onClick={trySample}>
            Try with demo data
          </button>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="error-text">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

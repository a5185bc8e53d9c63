import { useState } from 'react';
import type { AppState } from '../../../shared/app-state';
import { SAMPLE } from '../../../shared/providers';
import { api } from '../api';
import { useTranslator } from '../hooks/use-translator';
import { LanguageChoice } from './LanguageChoice';

/**
 * What a first start shows: how to begin (an account of one's own, or the demo), and before either, the language
 * and the way to Settings, so a person need not add an account to change them.
 */
export function EmptyState({
  state,
  onAdd,
  onSettings,
}: {
  state: AppState;
  onAdd: () => void;
  onSettings: () => void;
}) {
  const tr = useTranslator();
  const { t, say } = tr;
  const [problem, setProblem] = useState<string | null>(null);
  const trySample = async () => {
    if (!SAMPLE) return;
    // The sample account is named in the person's language; once added, the name is theirs like any other.
    const result = await api().accountsAdd({ account: { ...SAMPLE, label: t(SAMPLE.label) } });
    if (!result.ok) setProblem(say(result.error.message));
  };
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h1 id="empty-title">{t('empty.title')}</h1>
      <p>{t('empty.intro')}</p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={onAdd}>
          {t('empty.addFirst')}
        </button>
        {SAMPLE ? (
          <button type="button" onClick={trySample}>
            {t('empty.demo')}
          </button>
        ) : null}
      </div>
      <div className="empty-settings">
        <LanguageChoice
          state={state}
          save={async (patch) => {
            const result = await api().settingsSet({ patch });
            return result.ok ? null : say(result.error.message);
          }}
        />
        <button type="button" className="link" onClick={onSettings}>
          {t('empty.settings')}
        </button>
      </div>
      {problem ? (
        <p role="alert" className="error-text">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

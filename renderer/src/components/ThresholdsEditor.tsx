import { useState } from 'react';
import { DEFAULT_CRITICAL_PERCENT, DEFAULT_WARN_PERCENT } from '../../../shared/alert-defaults';
import { AlertThresholds } from '../../../shared/config';
import type { Translate } from '../../../shared/i18n/translate';
import { useTranslator } from '../hooks/use-translator';

type Thresholds = AlertThresholds;

const FIELDS: { key: keyof Thresholds; label: (t: Translate) => string; hint: (t: Translate) => string }[] = [
  { key: 'warnBelow', label: (t) => t('levels.warnBelow'), hint: (t) => t('levels.hintUnit') },
  { key: 'criticalBelow', label: (t) => t('levels.criticalBelow'), hint: (t) => t('levels.hintUnit') },
  {
    key: 'warnPercent',
    label: (t) => t('levels.warnPercent'),
    hint: (t) => t('levels.hintDefault', { value: DEFAULT_WARN_PERCENT }),
  },
  {
    key: 'criticalPercent',
    label: (t) => t('levels.criticalPercent'),
    hint: (t) => t('levels.hintDefault', { value: DEFAULT_CRITICAL_PERCENT }),
  },
];

/** Edits alert levels; the same zod schema as main decides what is valid. */
export function ThresholdsEditor(props: {
  idPrefix: string;
  value: Thresholds;
  onSave: (next: Thresholds) => Promise<string | null>;
}) {
  const tr = useTranslator();
  const { t } = tr;
  const [draft, setDraft] = useState<Record<string, string>>(
    Object.fromEntries(FIELDS.map((f) => [f.key, props.value[f.key]?.toString() ?? ''])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    const candidate = Object.fromEntries(
      Object.entries(draft)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    const parsed = AlertThresholds.safeParse(candidate);
    if (!parsed.success || Object.values(candidate).some((v) => !Number.isFinite(v))) {
      setMessage(t('levels.notNumber'));
      return;
    }
    setMessage((await props.onSave(parsed.data)) ?? t('common.saved'));
  };
  return (
    <fieldset className="thresholds">
      <legend>{t('levels.legend')}</legend>
      {FIELDS.map((f) => (
        <label key={f.key} htmlFor={`${props.idPrefix}-${f.key}`}>
          <span>
            {f.label(t)} <small>({f.hint(t)})</small>
          </span>
          <input
            id={`${props.idPrefix}-${f.key}`}
            inputMode="decimal"
            value={draft[f.key] ?? ''}
            onChange={(event) => setDraft({ ...draft, [f.key]: event.target.value })}
          />
        </label>
      ))}
      <button type="button" onClick={save}>
        {t('levels.save')}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </fieldset>
  );
}

import { type ReactNode, useState } from 'react';
import { DEFAULT_CRITICAL_PERCENT, DEFAULT_WARN_PERCENT } from '../../../shared/alert-defaults';
import { AlertThresholds } from '../../../shared/config';
import type { Translate } from '../../../shared/i18n/translate';
import { RUNWAY_CRITICAL_DAYS, RUNWAY_WARN_DAYS } from '../../../shared/thresholds';
import { useTranslator } from '../hooks/use-translator';

type Thresholds = AlertThresholds;
type Key = keyof Thresholds;

const FIELDS: { key: Key; label: (t: Translate) => string; hint: (t: Translate) => string }[] = [
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
  {
    key: 'warnDays',
    label: (t) => t('levels.warnDays'),
    hint: (t) => t('levels.hintDaysDefault', { value: RUNWAY_WARN_DAYS }),
  },
  {
    key: 'criticalDays',
    label: (t) => t('levels.criticalDays'),
    hint: (t) => t('levels.hintDaysDefault', { value: RUNWAY_CRITICAL_DAYS }),
  },
];

/**
 * Edits alert levels. Like every setting, a level applies as soon as it is entered: when its field is left or
 * Enter is pressed, and only when something changed; the same zod schema as main decides what is valid. `keys`
 * picks which levels are offered (Settings' defaults hold no balance levels: a balance's unit is its account's).
 */
export function ThresholdsEditor(props: {
  idPrefix: string;
  value: Thresholds;
  onSave: (next: Thresholds) => Promise<string | null>;
  keys?: readonly Key[];
  note?: string;
  /** More alert settings that belong with these levels (Settings' spend-spike switch). */
  children?: ReactNode;
}) {
  const tr = useTranslator();
  const { t } = tr;
  const fields = FIELDS.filter((f) => !props.keys || props.keys.includes(f.key));
  const written = (value: Thresholds) =>
    Object.fromEntries(fields.map((f) => [f.key, value[f.key]?.toString() ?? '']));
  const [draft, setDraft] = useState<Record<string, string>>(() => written(props.value));
  const [message, setMessage] = useState<string | null>(null);
  const commit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    const saved = written(props.value);
    if (fields.every((f) => (draft[f.key] ?? '').trim() === (saved[f.key] ?? ''))) return;
    const candidate = {
      // Levels this editor does not offer stay as they are.
      ...props.value,
      ...Object.fromEntries(fields.map((f) => [f.key, undefined])),
      ...Object.fromEntries(
        Object.entries(draft)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, Number(v)]),
      ),
    };
    const parsed = AlertThresholds.safeParse(candidate);
    if (!parsed.success || Object.values(candidate).some((v) => v !== undefined && !Number.isFinite(v))) {
      setMessage(t('levels.notNumber'));
      return;
    }
    setMessage((await props.onSave(parsed.data)) ?? t('common.saved'));
  };
  return (
    <form className="thresholds" onSubmit={(event) => void commit(event)}>
      <fieldset>
        <legend>{t('levels.legend')}</legend>
        {props.note ? <p className="muted">{props.note}</p> : null}
        {fields.map((f) => (
          <label key={f.key} htmlFor={`${props.idPrefix}-${f.key}`}>
            <span>
              {f.label(t)} <small>({f.hint(t)})</small>
            </span>
            <input
              id={`${props.idPrefix}-${f.key}`}
              inputMode="decimal"
              value={draft[f.key] ?? ''}
              onChange={(event) => setDraft({ ...draft, [f.key]: event.target.value })}
              onBlur={() => void commit()}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void commit(event);
              }}
            />
          </label>
        ))}
        {props.children}
        {message ? <p role="status">{message}</p> : null}
      </fieldset>
    </form>
  );
}

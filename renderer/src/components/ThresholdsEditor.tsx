import { useState } from 'react';
import { AlertThresholds } from '../../../shared/config';

type Thresholds = AlertThresholds;

const FIELDS: { key: keyof Thresholds; label: string; hint: string }[] = [
  { key: 'warnBelow', label: 'Warn below', hint: 'in the account’s unit' },
  { key: 'criticalBelow', label: 'Critical below', hint: 'in the account’s unit' },
  { key: 'warnPercent', label: 'Warn at % of a quota', hint: 'default 80' },
  { key: 'criticalPercent', label: 'Critical at % of a quota', hint: 'default 95' },
];

/** Edits alert levels; the same zod schema as main decides what is valid. */
export function ThresholdsEditor(props: {
  idPrefix: string;
  value: Thresholds;
  onSave: (next: Thresholds) => Promise<string | null>;
}) {
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
      setMessage('Each level must be a number.');
      return;
    }
    setMessage((await props.onSave(parsed.data)) ?? 'Saved.');
  };
  return (
    <fieldset className="thresholds">
      <legend>Alert levels</legend>
      {FIELDS.map((f) => (
        <label key={f.key} htmlFor={`${props.idPrefix}-${f.key}`}>
          <span>
            {f.label} <small>({f.hint})</small>
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
        Save levels
      </button>
      {message ? <p role="status">{message}</p> : null}
    </fieldset>
  );
}

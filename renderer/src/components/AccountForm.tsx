import { type FormEvent, useState } from 'react';
import type { AccountView } from '../../../shared/app-state';
import {
  Account,
  type AccountPatch,
  accountDraft,
  fieldValue,
  wholeNumberProblem,
} from '../../../shared/config';
import { customFieldApplies } from '../../../shared/custom-endpoint';
import type { MessageKey } from '../../../shared/i18n/catalog';
import type { Translator } from '../../../shared/i18n/translator';
import { issueMessage } from '../../../shared/issue-message';
import type { PresetFile } from '../../../shared/preset-file';
import { DESCRIPTORS, type FieldSpec, isPreset, PROVIDERS, type ProviderId } from '../../../shared/providers';
import { api } from '../api';
import { useTranslator } from '../hooks/use-translator';

// The providers the form offers, and each one's fields, come from their descriptors: presets for popular APIs
// first, then the other providers, and Custom JSON last.
const OFFERED = DESCRIPTORS.filter((d) => d.inAddForm).map((d) => d.id);
/** The fields a custom endpoint reads, in the person's words (the engine names them in code). */
const READING_LABELS: Record<string, MessageKey | undefined> = {
  remaining: 'reading.remaining',
  limit: 'reading.limit',
  used: 'reading.used',
  currency: 'reading.currency',
  resetsAt: 'reading.resetsAt',
};

function readingLabel(t: Translator['t'], field: string): string {
  const key = READING_LABELS[field];
  return key ? t(key) : field;
}

const GROUPS: { label: MessageKey; ids: ProviderId[] }[] = [
  { label: 'form.group.popular', ids: OFFERED.filter((id) => isPreset(id)) },
  { label: 'form.group.more', ids: OFFERED.filter((id) => !isPreset(id) && id !== 'custom') },
  { label: 'form.group.own', ids: OFFERED.filter((id) => id === 'custom') },
];
const CHOICES = GROUPS.flatMap((g) => g.ids);

/** What a test showed: a line, and for endpoints read by expressions each reading and the answer's shape. */
interface TestShown {
  ok: boolean;
  text: string;
  readings?: { field: string; source: string; value: string }[];
  shape?: string;
}

/** Form values by account path ('label', 'pollSeconds', 'baseUrl', 'custom.url', ...). */
type Fields = Record<string, string>;

const fieldsOf = (provider: ProviderId) => PROVIDERS[provider].fields as readonly FieldSpec[];
const inputId = (path: string) => `field-${path.replace('.', '-')}`;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'account'
  );
}

/** The form's starting values: the account's own (editing), else each field's initial value. */
function initialFields(provider: ProviderId, account: Account | null): Fields {
  const fields: Fields = {
    label: account?.label ?? '',
    pollSeconds: account?.pollSeconds !== undefined ? String(account.pollSeconds) : '',
  };
  for (const field of fieldsOf(provider)) {
    fields[field.path] = (account ? fieldValue(account, field.path) : undefined) ?? field.initial ?? '';
  }
  return fields;
}

/** Whether the form shows a field: custom endpoint fields only where the way the key travels needs them. */
function shows(field: FieldSpec, fields: Fields): boolean {
  if (!field.path.startsWith('custom.')) return true;
  return customFieldApplies(
    field.path.slice('custom.'.length),
    fields['custom.auth'] ?? 'header',
    fields['custom.method'] ?? 'GET',
  );
}

/** The account from the form's boxes, built as the CLI builds one from its flags (accountDraft). */
function draftOf(fields: Fields, provider: ProviderId) {
  const { draft, problems } = accountDraft(fieldsOf(provider), (field) =>
    shows(field, fields) ? (fields[field.path] ?? '') : undefined,
  );
  return {
    draft: {
      ...draft,
      label: fields.label ?? '',
      ...(fields.pollSeconds ? { pollSeconds: Number(fields.pollSeconds) } : {}),
    },
    problems,
  };
}

/** Builds the account from the form; the same zod schema as main reports field errors by field. */
function build(fields: Fields, provider: ProviderId, existingId: string | null) {
  const { draft, problems } = draftOf(fields, provider);
  return {
    problems,
    parsed: Account.safeParse({ id: existingId ?? slug(fields.label ?? ''), provider, ...draft }),
  };
}

/** What an edit changes: every field the form shows, set or (when emptied) removed; the rest is left alone. */
function patchOf(account: Account, existing: Account): AccountPatch {
  const patch: AccountPatch = {
    label: account.label,
    pollSeconds: account.pollSeconds ?? null,
  };
  const paths = fieldsOf(existing.provider).map((f) => f.path);
  if (paths.includes('baseUrl')) patch.baseUrl = account.baseUrl ?? null;
  if (paths.includes('userId')) patch.userId = account.userId ?? null;
  if (paths.some((p) => p.startsWith('custom.'))) patch.custom = account.custom ?? null;
  if (paths.some((p) => p.startsWith('params.'))) patch.params = account.params ?? null;
  return patch;
}

function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  /** Several lines (headers, a JSON body, a longer expression). */
  multiline?: boolean;
}) {
  const common = {
    id: props.id,
    value: props.value,
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? `${props.id}-error` : props.hint ? `${props.id}-hint` : undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.hint && !props.error ? (
        <small id={`${props.id}-hint`} className="muted">
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={`${props.id}-error`} className="error-text">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}

/** The select's value for a preset added from a file: a custom endpoint, filled in from the file. */
const ADDED = 'added:';

export function AccountForm(props: {
  existing: AccountView | null;
  /** Presets added from files (`creditbar providers add`), offered as ready custom endpoints. */
  presets?: readonly PresetFile[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const tr = useTranslator();
  const { t, say, amountWithUnit } = tr;
  const { existing } = props;
  const presets = props.presets ?? [];
  const [provider, setProvider] = useState<ProviderId>(
    existing?.config.provider ?? (CHOICES[0] as ProviderId),
  );
  const [choice, setChoice] = useState<string>(provider);
  const [fields, setFields] = useState<Fields>(() => initialFields(provider, existing?.config ?? null));
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [test, setTest] = useState<TestShown | null>(null);
  const [busy, setBusy] = useState(false);
  const info = PROVIDERS[provider];
  const set = (name: string) => (value: string) => setFields({ ...fields, [name]: value });
  const chooseProvider = (value: string) => {
    setChoice(value);
    setErrors({});
    const added = presets.find((p) => `${ADDED}${p.id}` === value);
    if (added) {
      setProvider('custom');
      const from = { id: 'x', provider: 'custom', label: added.name, custom: added.custom } as Account;
      setFields({ ...initialFields('custom', from), label: fields.label || added.name });
      return;
    }
    const next = value as ProviderId;
    setProvider(next);
    setFields({ ...initialFields(next, null), label: fields.label ?? '' });
  };

  const validate = () => {
    // Text the schema would only call "not a map" (a header line without a colon) is named first, in its words.
    const { problems, parsed } = build(fields, provider, existing?.id ?? null);
    const next: Record<string, string> = {};
    for (const { field, problem } of problems) next[field.path] = say(problem);
    const every = fields.pollSeconds ? wholeNumberProblem(fields.pollSeconds) : null;
    if (every) next.pollSeconds = say(every);
    if (parsed.success && Object.keys(next).length === 0) {
      setErrors({});
      return parsed.data;
    }
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const name = path === 'id' || path === '' ? 'label' : path;
      next[name] ??= say(issueMessage(issue));
    }
    setErrors(next);
    return null;
  };

  const runTest = async () => {
    const account = validate();
    if (!account) return;
    setBusy(true);
    const result = await api().accountsTest({ account, ...(key ? { key } : {}) });
    setBusy(false);
    if (result.ok) {
      const v = result.value;
      const worked =
        v.remaining !== null
          ? t('form.connectedLeft', { amount: amountWithUnit(v.remaining, v.unit) })
          : v.quotas === 0 && v.usedThisPeriod !== null
            ? t('form.connectedSpent', { amount: amountWithUnit(v.usedThisPeriod, v.unit) })
            : t('form.connectedQuotas', { count: v.quotas });
      setTest({
        ok: v.problem === null,
        text: v.problem ? t('form.connectedBut', { problem: say(v.problem.message) }) : worked,
        readings: v.readings,
        ...(v.shape ? { shape: say(v.shape) } : {}),
      });
    } else setTest({ ok: false, text: say(result.error.message) });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const account = validate();
    if (!account) return;
    if (!existing && !key && info.credential.kind !== 'none') {
      setErrors({ ...errors, key: t('form.enterKey', { credential: t(info.credential.label) }) });
      return;
    }
    setBusy(true);
    const result = existing
      ? await api().accountsUpdate({
          accountId: existing.id,
          patch: patchOf(account, existing.config),
          ...(key ? { key } : {}),
        })
      : await api().accountsAdd({ account, ...(key ? { key } : {}) });
    setBusy(false);
    if (result.ok) props.onDone();
    else setTest({ ok: false, text: say(result.error.message) });
  };

  return (
    <form onSubmit={save} aria-labelledby="form-title" className="form" noValidate>
      <header className="bar">
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
        <h1 id="form-title">
          {existing ? t('form.editTitle', { label: existing.label }) : t('form.addTitle')}
        </h1>
      </header>
      <label htmlFor="provider" className="field">
        <span>{t('form.provider')}</span>
        <select
          id="provider"
          value={choice}
          disabled={!!existing}
          onChange={(event) => chooseProvider(event.target.value)}
        >
          {GROUPS.filter((g) => g.ids.length > 0).map((group) => (
            <optgroup key={group.label} label={t(group.label)}>
              {group.ids.map((id) => (
                <option key={id} value={id}>
                  {PROVIDERS[id].displayName}
                </option>
              ))}
            </optgroup>
          ))}
          {/* An account being edited names its own provider, offered for new accounts or not (the demo). */}
          {existing && !CHOICES.includes(existing.config.provider) ? (
            <option value={existing.config.provider}>
              {PROVIDERS[existing.config.provider].displayName}
            </option>
          ) : null}
          {presets.length > 0 ? (
            <optgroup label={t('form.group.added')}>
              {presets.map((p) => (
                <option key={p.id} value={`${ADDED}${p.id}`}>
                  {p.name} ({hostOf(p.custom.url)})
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      {info.preset && info.defaultBaseUrl ? (
        <p className="muted provider-about">
          {t('form.reads', {
            // The request, as code in every language; what each expression reads shows, in the reader's words,
            // once the connection is tested.
            what: `${info.preset.endpoint.method ?? 'GET'} ${info.preset.path}`,
            host: fields.baseUrl ? hostOf(fields.baseUrl) : hostOf(info.defaultBaseUrl),
            alternatives: (info.preset.keyHosts ?? [])
              .map((h) => t('form.keyHost', { host: hostOf(h.baseUrl), suffix: h.keySuffix }))
              .join(''),
          })}
        </p>
      ) : null}
      <Field
        id="label"
        label={t('form.name')}
        value={fields.label ?? ''}
        onChange={set('label')}
        error={errors.label}
        hint={t('form.nameHint')}
      />
      {(info.fields as readonly FieldSpec[])
        .filter((field) => shows(field, fields))
        .map((field) =>
          field.kind === 'choice' ? (
            <label key={field.path} htmlFor={inputId(field.path)} className="field">
              <span>{t(field.label)}</span>
              <select
                id={inputId(field.path)}
                value={fields[field.path] ?? ''}
                onChange={(event) => set(field.path)(event.target.value)}
              >
                {(field.choices ?? []).map((choice) => (
                  <option key={choice}>{choice}</option>
                ))}
              </select>
            </label>
          ) : (
            <Field
              key={field.path}
              id={inputId(field.path)}
              label={t(field.label)}
              value={fields[field.path] ?? ''}
              onChange={set(field.path)}
              error={errors[field.path]}
              hint={t(field.help, { url: info.defaultBaseUrl ?? '' })}
              multiline={field.kind === 'headers' || field.kind === 'lines' || field.kind === 'expression'}
            />
          ),
        )}
      <Field
        id="field-pollSeconds"
        label={t('form.pollSeconds')}
        value={fields.pollSeconds ?? ''}
        onChange={set('pollSeconds')}
        error={errors.pollSeconds}
        hint={t('form.pollHint', { seconds: info.defaultPollSeconds })}
      />
      {info.credential.kind === 'api-key' ? (
        <Field
          id="key"
          type="password"
          label={t(info.credential.label)}
          value={key}
          onChange={setKey}
          error={errors.key}
          hint={
            existing
              ? existing.keyHint
                ? t('form.keepKeyHint', { hint: existing.keyHint })
                : t('form.keepKey')
              : t(info.credential.help)
          }
        />
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={runTest} disabled={busy}>
          {t('form.test')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('form.save')}
        </button>
      </div>
      {test ? (
        <p role={test.ok ? 'status' : 'alert'} className={test.ok ? 'ok-text' : 'error-text'}>
          {test.text}
        </p>
      ) : null}
      {test?.readings && test.readings.length > 0 ? (
        <table className="readings" aria-label={t('form.readings')}>
          <thead>
            <tr>
              <th scope="col">{t('form.readingField')}</th>
              <th scope="col">{t('form.readingExpression')}</th>
              <th scope="col">{t('form.readingValue')}</th>
            </tr>
          </thead>
          <tbody>
            {test.readings.map((r) => (
              <tr key={r.field}>
                <td>{readingLabel(t, r.field)}</td>
                <td>
                  <code>{r.source}</code>
                </td>
                <td>
                  <code>{r.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {test?.shape ? (
        <details className="shape" open={!test.ok}>
          <summary>{t('form.shape')}</summary>
          <pre>{test.shape}</pre>
        </details>
      ) : null}
    </form>
  );
}

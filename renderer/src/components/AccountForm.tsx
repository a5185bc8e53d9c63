import { type FormEvent, useState } from 'react';
import type { AccountView } from '../../../shared/app-state';
import { Account, type AccountPatch, fieldValue } from '../../../shared/config';
import { formatAmount } from '../../../shared/format';
import { DESCRIPTORS, type FieldSpec, PROVIDERS, type ProviderId } from '../../../shared/providers';
import { api } from '../api';

// The providers the form offers, and each one's fields, come from their descriptors.
const CHOICES = DESCRIPTORS.filter((d) => d.inAddForm).map((d) => d.id);

/** Form values by account path ('label', 'pollSeconds', 'baseUrl', 'custom.url', ...). */
type Fields = Record<string, string>;

const fieldsOf = (provider: ProviderId) => PROVIDERS[provider].fields as readonly FieldSpec[];
const inputId = (path: string) => `field-${path.replace('.', '-')}`;

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

/** The account's fields from the form's values: empty optional ones left out, custom ones grouped. */
function draftOf(fields: Fields, provider: ProviderId) {
  const draft: Record<string, unknown> = { label: fields.label ?? '' };
  if (fields.pollSeconds) draft.pollSeconds = Number(fields.pollSeconds);
  for (const field of fieldsOf(provider)) {
    const value = fields[field.path] ?? '';
    // An empty scheme is meaningful (the bare key); any other empty optional field is simply not set.
    if (value === '' && field.path !== 'custom.authScheme') continue;
    const [head, tail] = field.path.split('.') as [string, string | undefined];
    if (tail === undefined) draft[head] = value;
    else draft[head] = { ...(draft[head] as object | undefined), [tail]: value };
  }
  return draft;
}

/** Builds the account from the form; the same zod schema as main reports field errors by field. */
function build(fields: Fields, provider: ProviderId, existingId: string | null) {
  return Account.safeParse({
    id: existingId ?? slug(fields.label ?? ''),
    provider,
    ...draftOf(fields, provider),
  });
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
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : props.hint ? `${props.id}-hint` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
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

export function AccountForm(props: {
  existing: AccountView | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { existing } = props;
  const [provider, setProvider] = useState<ProviderId>(
    existing?.config.provider ?? (CHOICES[0] as ProviderId),
  );
  const [fields, setFields] = useState<Fields>(() => initialFields(provider, existing?.config ?? null));
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const info = PROVIDERS[provider];
  const set = (name: string) => (value: string) => setFields({ ...fields, [name]: value });
  const chooseProvider = (next: ProviderId) => {
    setProvider(next);
    setFields({ ...initialFields(next, null), label: fields.label ?? '' });
    setErrors({});
  };

  const validate = () => {
    const parsed = build(fields, provider, existing?.id ?? null);
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    const next: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const name = path === 'id' || path === '' ? 'label' : path;
      next[name] ??= issue.message;
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
      setTest({
        ok: true,
        text:
          v.remaining !== null
            ? `Connected: ${formatAmount(v.remaining)} ${v.unit ?? ''} left.`
            : `Connected: ${v.quotas} quota(s) found.`,
      });
    } else setTest({ ok: false, text: result.error.message });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const account = validate();
    if (!account) return;
    if (!existing && !key && info.credential.kind !== 'none') {
      setErrors({ ...errors, key: `Enter the ${info.credential.label}` });
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
    else setTest({ ok: false, text: result.error.message });
  };

  return (
    <form onSubmit={save} aria-labelledby="form-title" className="form" noValidate>
      <header className="bar">
        <button type="button" onClick={props.onCancel}>
          ← Cancel
        </button>
        <h1 id="form-title">{existing ? `Edit ${existing.label}` : 'Add an account'}</h1>
      </header>
      <label htmlFor="provider" className="field">
        <span>Provider</span>
        <select
          id="provider"
          value={provider}
          disabled={!!existing}
          onChange={(event) => chooseProvider(event.target.value as ProviderId)}
        >
          {CHOICES.map((id) => (
            <option key={id} value={id}>
              {PROVIDERS[id].displayName}
            </option>
          ))}
        </select>
      </label>
      <Field
        id="label"
        label="Name"
        value={fields.label ?? ''}
        onChange={set('label')}
        error={errors.label}
        hint="How this account appears in Creditbar"
      />
      {info.fields.map((field) =>
        field.kind === 'choice' ? (
          <label key={field.path} htmlFor={inputId(field.path)} className="field">
            <span>{field.label}</span>
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
            label={field.label}
            value={fields[field.path] ?? ''}
            onChange={set(field.path)}
            error={errors[field.path]}
            hint={field.help}
          />
        ),
      )}
      <Field
        id="field-pollSeconds"
        label="Check every (seconds, optional)"
        value={fields.pollSeconds ?? ''}
        onChange={set('pollSeconds')}
        error={errors.pollSeconds}
        hint={`At most this long between checks; default ${info.defaultPollSeconds} s, sooner near a level`}
      />
      {info.credential.kind === 'api-key' ? (
        <Field
          id="key"
          type="password"
          label={info.credential.label}
          value={key}
          onChange={setKey}
          error={errors.key}
          hint={
            existing
              ? `Leave empty to keep the current key${existing.keyHint ? ` (${existing.keyHint})` : ''}`
              : info.credential.help
          }
        />
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={runTest} disabled={busy}>
          Test connection
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </div>
      {test ? (
        <p role={test.ok ? 'status' : 'alert'} className={test.ok ? 'ok-text' : 'error-text'}>
          {test.text}
        </p>
      ) : null}
    </form>
  );
}

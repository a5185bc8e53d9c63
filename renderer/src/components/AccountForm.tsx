import { type FormEvent, useState } from 'react';
import type { AccountView } from '../../../shared/app-state';
import { Account } from '../../../shared/config';
import { formatAmount } from '../../../shared/format';
import { PROVIDERS, ProviderId } from '../../../shared/providers';
import { api } from '../api';

// Every provider but the demo, which the empty state offers on its own.
const CHOICES = ProviderId.options.filter((id) => id !== 'demo');

/** The custom endpoint's text fields after URL and method, in the order a person fills them. */
const CUSTOM_FIELDS: { id: string; label: string; hint?: string }[] = [
  { id: 'authHeader', label: 'Key header' },
  { id: 'authScheme', label: 'Scheme (empty for the bare key)' },
  { id: 'remainingPointer', label: 'Remaining (JSON pointer)', hint: 'e.g. /data/credits/balance' },
  { id: 'limitPointer', label: 'Limit (optional)' },
  { id: 'usedPointer', label: 'Used (optional)' },
  { id: 'unit', label: 'Unit' },
];

type Fields = Record<string, string>;

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'account'
  );
}

/** Builds the account from the form; the same zod schema as main reports field errors by field. */
function build(fields: Fields, provider: ProviderId, existingId: string | null) {
  const custom =
    provider === 'custom'
      ? {
          method: fields.method || 'GET',
          url: fields.url ?? '',
          authHeader: fields.authHeader || 'Authorization',
          authScheme: fields.authScheme ?? 'Bearer',
          remainingPointer: fields.remainingPointer ?? '',
          ...(fields.limitPointer ? { limitPointer: fields.limitPointer } : {}),
          ...(fields.usedPointer ? { usedPointer: fields.usedPointer } : {}),
          unit: fields.unit || 'credits',
        }
      : undefined;
  return Account.safeParse({
    id: existingId ?? slug(fields.label ?? ''),
    provider,
    label: fields.label ?? '',
    ...(fields.baseUrl ? { baseUrl: fields.baseUrl } : {}),
    ...(fields.userId ? { userId: fields.userId } : {}),
    ...(custom ? { custom } : {}),
  });
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
  initial?: Partial<Account>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { existing } = props;
  const start = props.initial ?? {};
  const [provider, setProvider] = useState<ProviderId>(
    (existing?.provider as ProviderId | undefined) ?? 'happenstance',
  );
  const [fields, setFields] = useState<Fields>({
    label: existing?.label ?? '',
    baseUrl: start.baseUrl ?? '',
    userId: start.userId ?? '',
    url: start.custom?.url ?? '',
    method: start.custom?.method ?? 'GET',
    authHeader: start.custom?.authHeader ?? 'Authorization',
    authScheme: start.custom?.authScheme ?? 'Bearer',
    remainingPointer: start.custom?.remainingPointer ?? '',
    limitPointer: start.custom?.limitPointer ?? '',
    usedPointer: start.custom?.usedPointer ?? '',
    unit: start.custom?.unit ?? 'credits',
  });
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const info = PROVIDERS[provider];
  const set = (name: string) => (value: string) => setFields({ ...fields, [name]: value });

  const validate = () => {
    const parsed = build(fields, provider, existing?.id ?? null);
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    const next: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[issue.path.length - 1] ?? 'label');
      next[name === 'id' ? 'label' : name] ??= issue.message;
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
    if (!existing && !key) {
      setErrors({ ...errors, key: 'Enter the API key' });
      return;
    }
    setBusy(true);
    const result = existing
      ? await api().accountsUpdate({
          account: { ...account, alerts: existing.alerts },
          ...(key ? { key } : {}),
        })
      : await api().accountsAdd({ account, key });
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
          onChange={(event) => setProvider(event.target.value as ProviderId)}
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
      {provider !== 'custom' ? (
        <Field
          id="baseUrl"
          label={info.defaultBaseUrl ? 'Base URL (optional)' : 'Base URL'}
          value={fields.baseUrl ?? ''}
          onChange={set('baseUrl')}
          error={errors.baseUrl}
          hint={
            info.defaultBaseUrl ? `Default: ${info.defaultBaseUrl}` : 'The https address your account uses'
          }
        />
      ) : null}
      {info.needsUserId ? (
        <Field
          id="userId"
          label="User id"
          value={fields.userId ?? ''}
          onChange={set('userId')}
          error={errors.userId}
        />
      ) : null}
      {provider === 'custom' ? (
        <fieldset>
          <legend>Endpoint</legend>
          <Field
            id="url"
            label="URL"
            value={fields.url ?? ''}
            onChange={set('url')}
            error={errors.url}
            hint="An https endpoint that answers JSON"
          />
          <label htmlFor="method" className="field">
            <span>Method</span>
            <select id="method" value={fields.method} onChange={(event) => set('method')(event.target.value)}>
              <option>GET</option>
              <option>POST</option>
            </select>
          </label>
          {CUSTOM_FIELDS.map((f) => (
            <Field
              key={f.id}
              id={f.id}
              label={f.label}
              value={fields[f.id] ?? ''}
              onChange={set(f.id)}
              error={errors[f.id]}
              {...(f.hint ? { hint: f.hint } : {})}
            />
          ))}
        </fieldset>
      ) : null}
      <Field
        id="key"
        type="password"
        label="API key"
        value={key}
        onChange={setKey}
        error={errors.key}
        hint={
          existing
            ? `Leave empty to keep the current key${existing.keyHint ? ` (${existing.keyHint})` : ''}`
            : 'Kept in the system keychain, never shown again'
        }
      />
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

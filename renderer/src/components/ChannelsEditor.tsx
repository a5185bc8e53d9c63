import { useCallback, useEffect, useState } from 'react';
import { CHANNEL_TYPES, Channel, type ChannelType } from '../../../shared/channels';
import { describeIssues } from '../../../shared/config';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../shared/i18n/languages';
import type { ReadMessage } from '../../../shared/message';
import { api } from '../api';
import { useTranslator } from '../hooks/use-translator';

type Listed = { channel: Channel; failed: number; lastProblem: ReadMessage | null };

/** The fields each type asks for besides its secret, as the form shows them (the CLI's flags, by another name). */
const TYPE_FIELDS: Record<ChannelType, readonly string[]> = {
  webhook: [],
  slack: [],
  discord: [],
  teams: [],
  ntfy: ['topic', 'server'],
  telegram: ['chatId'],
  email: ['host', 'port', 'user', 'from', 'to'],
};

/**
 * Settings' "Alerts elsewhere": each channel with what it failed, a test and a removal; and a form that adds one.
 * The secret (a webhook's URL, a bot's token, a password) is typed into a password field and goes to main's
 * keychain; the page never reads it back.
 */
export function ChannelsEditor() {
  const { t, say } = useTranslator();
  const [listed, setListed] = useState<Listed[]>([]);
  const [type, setType] = useState<ChannelType>('slack');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState('');
  const [critical, setCritical] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The channel being changed, or null while the form adds one. */
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await api().channelsList({});
    if (result.ok) setListed(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const field = (name: string) => (fields[name] ?? '').trim();
  const list = (text: string) => text.split(/[,\s]+/).filter(Boolean);
  /** The form filled with a channel's fields, to change them; its secret is never read back. */
  const startEdit = (channel: Channel) => {
    const quiet = typeof channel.quietHours === 'object' ? channel.quietHours : null;
    const shown: Record<string, string> = {
      id: channel.id,
      accounts: channel.accounts?.join(', ') ?? '',
      language: channel.language ?? '',
      quietStart: quiet?.start ?? '',
      quietEnd: quiet?.end ?? '',
    };
    for (const name of TYPE_FIELDS[channel.type]) {
      const value = (channel as Record<string, unknown>)[name];
      if (value !== undefined) shown[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    setType(channel.type);
    setFields(shown);
    setCritical(channel.minLevel === 'critical');
    setSecret('');
    setEditing(channel.id);
    setProblem(null);
  };
  const reset = () => {
    setEditing(null);
    setFields({});
    setSecret('');
    setCritical(false);
  };
  const add = async () => {
    const input: Record<string, unknown> = {
      id: field('id'),
      type,
      ...(critical ? { minLevel: 'critical' } : {}),
      ...(field('accounts') ? { accounts: list(field('accounts')) } : {}),
      ...(field('language') ? { language: field('language') } : {}),
      ...(field('quietStart') || field('quietEnd')
        ? { quietHours: { start: field('quietStart'), end: field('quietEnd') } }
        : {}),
      ...Object.fromEntries(
        TYPE_FIELDS[type]
          .filter((name) => field(name) !== '')
          .map((name) => [
            name,
            name === 'port' ? Number(field(name)) : name === 'to' ? list(field(name)) : field(name),
          ]),
      ),
    };
    const parsed = Channel.safeParse(input);
    if (!parsed.success) {
      setProblem(say(describeIssues(parsed.error)));
      return;
    }
    const result = editing
      ? await api().channelsUpdate({ channel: parsed.data, secret })
      : await api().channelsAdd({ channel: parsed.data, secret });
    if (!result.ok) {
      setProblem(say(result.error.message));
      return;
    }
    setProblem(null);
    setNotice(t(editing ? 'channels.saved' : 'channels.added', { id: parsed.data.id }));
    reset();
    await load();
  };
  const test = async (id: string) => {
    const result = await api().channelsTest({ id });
    if (!result.ok) setNotice(say(result.error.message));
    else if (result.value.ok) setNotice(t('channels.testOk', { id }));
    else setNotice(result.value.problem ? say(result.value.problem) : null);
    await load();
  };
  const remove = async (id: string) => {
    const result = await api().channelsRemove({ id });
    setNotice(result.ok ? t('channels.removed', { id }) : say(result.error.message));
    await load();
  };

  return (
    <fieldset className="channels">
      <legend>{t('channels.title')}</legend>
      <p className="muted">{t('channels.help')}</p>
      {listed.length > 0 ? (
        <ul className="kv channel-list">
          {listed.map(({ channel, failed, lastProblem }) => (
            <li key={channel.id}>
              <span>
                <strong>{channel.id}</strong> · {t(`channels.type.${channel.type}`)}
                {failed > 0 && lastProblem ? (
                  <span className="error-text channel-failed">
                    {t('channels.failed', { count: failed, problem: say(lastProblem) })}
                  </span>
                ) : null}
              </span>
              <span className="channel-actions">
                <button type="button" onClick={() => startEdit(channel)}>
                  {t('channels.edit')}
                </button>
                <button type="button" onClick={() => test(channel.id)}>
                  {t('channels.test')}
                </button>
                <button type="button" className="danger" onClick={() => remove(channel.id)}>
                  {t('channels.remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor="channel-type" className="field">
        <span>{t('channels.typeLabel')}</span>
        <select
          id="channel-type"
          value={type}
          disabled={editing !== null}
          onChange={(e) => setType(e.target.value as ChannelType)}
        >
          {CHANNEL_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`channels.type.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {['id', ...TYPE_FIELDS[type], 'accounts'].map((name) => (
        <label key={name} htmlFor={`channel-${name}`} className="field">
          <span>{t(`channels.field.${name}` as 'channels.field.id')}</span>
          <input
            id={`channel-${name}`}
            autoComplete="off"
            readOnly={name === 'id' && editing !== null}
            value={fields[name] ?? ''}
            onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
          />
        </label>
      ))}
      <label htmlFor="channel-language" className="field">
        <span>{t('channels.language')}</span>
        <select
          id="channel-language"
          value={fields.language ?? ''}
          onChange={(e) => setFields({ ...fields, language: e.target.value })}
        >
          <option value="">{t('channels.languageApp')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </label>
      <div className="quiet-pair">
        {(['quietStart', 'quietEnd'] as const).map((name) => (
          <label key={name} htmlFor={`channel-${name}`} className="field">
            <span>{t(`channels.${name}`)}</span>
            <input
              id={`channel-${name}`}
              inputMode="numeric"
              placeholder={name === 'quietStart' ? '22:00' : '07:00'}
              value={fields[name] ?? ''}
              onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <label htmlFor="channel-secret" className="field">
        <span>
          {t(`channels.secret.${type}`)}
          {editing ? <small> ({t('channels.secretKept')})</small> : null}
        </span>
        <input
          id="channel-secret"
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <label htmlFor="channel-critical" className="check">
        <input
          id="channel-critical"
          type="checkbox"
          checked={critical}
          onChange={(e) => setCritical(e.target.checked)}
        />
        <span>{t('channels.criticalOnly')}</span>
      </label>
      <div className="action-row">
        <button type="button" onClick={add}>
          {editing ? t('channels.save') : t('channels.add')}
        </button>
        {editing ? (
          <button type="button" onClick={reset}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="error-text">
          {problem}
        </p>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
    </fieldset>
  );
}

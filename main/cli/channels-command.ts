import {
  CHANNEL_TYPES,
  Channel,
  type ChannelInput,
  channelEnvName,
  channelSecretName,
} from '../../shared/channels';
import { describeIssues } from '../../shared/config';
import { issueMessage } from '../../shared/issue-message';
import { type Message, message } from '../../shared/message';
import { ChannelAdmin } from '../core/channels/channel-admin';
import { ChannelService } from '../core/channels/channel-service';
import { AppFailure, ConfigError } from '../core/errors';
import { keyHint } from '../core/store/secrets';
import { type CliIo, openContext } from './context';
import { alignedTable } from './format';

export type ChannelFlags = {
  'data-dir'?: string;
  config?: string;
  json?: boolean;
  type?: string;
  id?: string;
  accounts?: string;
  'min-level'?: string;
  'quiet-hours'?: string;
  language?: string;
  server?: string;
  topic?: string;
  'chat-id'?: string;
  'api-base'?: string;
  host?: string;
  port?: string;
  security?: string;
  user?: string;
  from?: string;
  to?: string;
  sign?: boolean;
};

/** The flags `channels add` reads, by the config field each sets: a refusal names the flag, never the path. */
const FIELD_FLAGS: Record<string, string> = {
  type: 'type',
  id: 'id',
  accounts: 'accounts',
  minLevel: 'min-level',
  quietHours: 'quiet-hours',
  language: 'language',
  server: 'server',
  topic: 'topic',
  chatId: 'chat-id',
  apiBase: 'api-base',
  host: 'host',
  port: 'port',
  security: 'security',
  user: 'user',
  from: 'from',
  to: 'to',
};

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);

/** "22:00-07:00" as quiet hours, "inherit" as the app's. */
function quietHoursOf(text: string | undefined): ChannelInput['quietHours'] {
  if (text === undefined) return undefined;
  if (text === 'inherit') return 'inherit';
  const [start = '', end = ''] = text.split('-');
  return { start: start.trim(), end: end.trim() };
}

function adminOf(ctx: Awaited<ReturnType<typeof openContext>>, io: CliIo): ChannelAdmin {
  return new ChannelAdmin({
    config: ctx.stores.config,
    keychain: ctx.keychain,
    outbox: ctx.stores.outbox,
    env: io.env,
  });
}

/** The channel the flags describe, checked by the config's own schema. */
export function channelFromFlags(flags: ChannelFlags): { channel: Channel } | { error: Message[] } {
  const input: Record<string, unknown> = {
    type: flags.type,
    id: flags.id,
    accounts: list(flags.accounts),
    minLevel: flags['min-level'],
    quietHours: quietHoursOf(flags['quiet-hours']),
    language: flags.language,
    server: flags.server,
    topic: flags.topic,
    chatId: flags['chat-id'],
    apiBase: flags['api-base'],
    host: flags.host,
    port: flags.port === undefined ? undefined : Number(flags.port),
    security: flags.security,
    user: flags.user,
    from: flags.from,
    to: list(flags.to),
  };
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const parsed = Channel.safeParse(given);
  if (parsed.success) return { channel: parsed.data };
  return {
    error: parsed.error.issues.map((issue) => {
      const flag = FIELD_FLAGS[String(issue.path[0] ?? '')];
      return flag
        ? message('cli.flagProblem', { flag, problem: issueMessage(issue) })
        : describeIssues({ issues: [issue] });
    }),
  };
}

/**
 * `channels add --type T --id ID [fields]`: the channel's secret (a webhook's URL, a bot token, a password) is
 * typed hidden at a terminal or piped, never a flag; with CREDITBAR_CHANNEL_<ID> set it stays there.
 */
export async function channelsAdd(
  flags: ChannelFlags,
  io: CliIo,
  readKey: (prompt: string) => Promise<string>,
): Promise<number> {
  const { t, say } = io.tr;
  if (!flags.type || !(CHANNEL_TYPES as readonly string[]).includes(flags.type)) {
    io.stderr(`${t('cli.channelTypeOneOf', { types: CHANNEL_TYPES.join(', ') })}\n`);
    return 3;
  }
  const built = channelFromFlags(flags);
  if ('error' in built) {
    for (const problem of built.error) io.stderr(`${say(problem)}\n`);
    return 3;
  }
  const { channel } = built;
  const ctx = await openContext(flags, io);
  const admin = adminOf(ctx, io);
  if (ctx.stores.config.channels.some((c) => c.id === channel.id)) {
    io.stderr(`${t('channel.idTaken', { id: channel.id })}\n`);
    return 3;
  }
  const variable = channelEnvName(channel.id);
  const fromEnv = Boolean(io.env[variable]);
  const lines = fromEnv ? [] : (await readKey(t(`cli.channelSecretPrompt.${channel.type}`))).split(/\r?\n/);
  const secret = (lines[0] ?? '').trim();
  const signing =
    flags.sign && channel.type === 'webhook' && secret
      ? (lines[1] ?? '').trim() || (await readKey(t('cli.channelSigningPrompt'))).trim()
      : '';
  try {
    await admin.add(channel, secret, signing);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${say(error.said)}\n`);
      return 3;
    }
    if (!(error instanceof AppFailure)) throw error;
    io.stderr(`${t('cli.notSaved', { problem: say(error.said) })}\n`);
    return 3;
  }
  io.stdout(
    `${t(fromEnv ? 'cli.channelAddedEnv' : 'cli.channelAdded', { id: channel.id, type: channel.type, variable })}\n${t('cli.channelTryIt', { id: channel.id })}\n`,
  );
  return 0;
}

/** `channels list`: each channel, what it hears, where its secret is (never more than its last 4 characters). */
export async function channelsList(flags: ChannelFlags, io: CliIo): Promise<number> {
  const { t } = io.tr;
  const ctx = await openContext(flags, io);
  const failed = await ctx.stores.outbox.failed().catch(() => []);
  const rows = [];
  for (const channel of ctx.stores.config.channels) {
    const fromEnv = io.env[channelEnvName(channel.id)];
    const stored = fromEnv ? null : await ctx.keychain.get(channelSecretName(channel.id)).catch(() => null);
    const secret = fromEnv
      ? t('cli.keyFromEnv', {
          hint: keyHint(fromEnv) ?? t('cli.keySet'),
          variable: channelEnvName(channel.id),
        })
      : stored
        ? t('cli.channelSecretStored', { hint: keyHint(stored) ?? t('cli.keySet') })
        : t('kind.no_credentials');
    rows.push({
      id: channel.id,
      type: channel.type,
      hears: `${channel.accounts?.join(', ') ?? t('cli.channelAllAccounts')} · ${t(`level.${channel.minLevel ?? 'warning'}`)}+`,
      secret,
      failed: failed.filter((f) => f.channelId === channel.id).length,
    });
  }
  if (flags.json) io.stdout(`${JSON.stringify({ channels: rows })}\n`);
  else if (rows.length === 0) io.stdout(`${t('cli.noChannels')}\n`);
  else
    io.stdout(
      `${alignedTable(
        [t('cli.col.id'), t('cli.col.type'), t('cli.col.hears'), t('cli.col.secret'), t('cli.col.failed')],
        rows.map((r) => [r.id, r.type, r.hears, r.secret, String(r.failed)]),
      )}\n`,
    );
  return 0;
}

/** `channels test ID`: a clearly marked test message, sent now; what the transport answered. */
export async function channelsTest(id: string, flags: ChannelFlags, io: CliIo): Promise<number> {
  const { t, say } = io.tr;
  const ctx = await openContext(flags, io);
  const channel = ctx.stores.config.channels.find((c) => c.id === id);
  if (!channel) {
    io.stderr(`${t('cli.noSuchChannel', { id, file: ctx.stores.paths.configFile })}\n`);
    return 3;
  }
  const service = new ChannelService({
    outbox: ctx.stores.outbox,
    channels: () => ctx.stores.config.channels,
    keychain: ctx.keychain,
    env: io.env,
    clock: io.clock,
    language: () => io.tr.language,
    owner: () => false,
  });
  const outcome = await adminOf(ctx, io).test(id, service);
  if (outcome.ok) {
    io.stdout(`${t('cli.channelTestSent', { id, type: channel.type })}\n`);
    return 0;
  }
  io.stderr(`${say(outcome.problem)}\n`);
  return 1;
}

/** `channels remove ID`: the channel, its secrets, and what waited for it or failed in the outbox. */
export async function channelsRemove(id: string, flags: ChannelFlags, io: CliIo): Promise<number> {
  const { t } = io.tr;
  const ctx = await openContext(flags, io);
  const removed = await adminOf(ctx, io).remove(id);
  if (!removed) {
    io.stderr(`${t('cli.noSuchChannel', { id, file: ctx.stores.paths.configFile })}\n`);
    return 3;
  }
  io.stdout(`${t('cli.channelRemoved', { id })}\n`);
  return 0;
}

import {
  Account,
  AccountPatch,
  AlertThresholds,
  accountDraft,
  describeIssues,
  wholeNumberProblem,
} from '../../shared/config';
import { secretParamIn } from '../../shared/custom-endpoint';
import { ERROR_KINDS } from '../../shared/error-kinds';
import type { Translator } from '../../shared/i18n/translator';
import { issueMessage } from '../../shared/issue-message';
import { type Message, message } from '../../shared/message';
import type { Snapshot } from '../../shared/model';
import type { PresetFile } from '../../shared/preset-file';
import { type FieldSpec, hasCredential, keepsLedger, PROVIDERS, ProviderId } from '../../shared/providers';
import type { z } from '../../shared/zod';
import { AppFailure } from '../core/errors';
import { envKeyName, keyHint } from '../core/store/secrets';
import { type CliIo, openContext } from './context';
import { alignedTable } from './format';

/** The flags `accounts add` reads: the fixed ones, and one per field of any provider's descriptor. */
export type AccountFlags = {
  'data-dir'?: string;
  config?: string;
  provider?: string;
  id?: string;
  label?: string;
  'no-verify'?: boolean;
} & Record<string, string | string[] | boolean | undefined>;

/** The flags that set an account's levels, each with the threshold it sets. */
const LEVEL_FLAGS = [
  ['warn-below', 'warnBelow'],
  ['critical-below', 'criticalBelow'],
  ['warn-percent', 'warnPercent'],
  ['critical-percent', 'criticalPercent'],
  ['warn-days', 'warnDays'],
  ['critical-days', 'criticalDays'],
] as const satisfies readonly (readonly [string, keyof AlertThresholds])[];

/** Every flag `accounts add` and `accounts set` read besides the provider's own. */
export const SETTING_FLAGS = [...LEVEL_FLAGS.map(([flag]) => flag), 'poll-seconds'];

/**
 * The levels and the poll interval the flags give, as numbers; the schema then judges them as the popover's form
 * is judged. Text that is no number is named by its flag.
 */
function settingsFromFlags(
  flags: AccountFlags,
): { alerts?: AlertThresholds; pollSeconds?: number } | { error: Message } {
  const alerts: AlertThresholds = {};
  for (const [flag, field] of LEVEL_FLAGS) {
    const text = flags[flag];
    if (typeof text !== 'string') continue;
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value)) return { error: message('cli.flagNumber', { flag }) };
    alerts[field] = value;
  }
  const poll = flags['poll-seconds'];
  if (typeof poll === 'string') {
    const problem = wholeNumberProblem(poll);
    if (problem) return { error: message('cli.flagProblem', { flag: 'poll-seconds', problem }) };
  }
  // Judged by the account's own schema, field by field, so the refusal names the flag and not a config path.
  const checks: [string, unknown, z.ZodMiniType][] = [
    ...LEVEL_FLAGS.filter(([, field]) => alerts[field] !== undefined).map(
      ([flag, field]) =>
        [flag, alerts[field], AlertThresholds.def.shape[field]] as [string, unknown, z.ZodMiniType],
    ),
    ...(typeof poll === 'string'
      ? [
          ['poll-seconds', Number(poll), AccountPatch.def.shape.pollSeconds] as [
            string,
            unknown,
            z.ZodMiniType,
          ],
        ]
      : []),
  ];
  for (const [flag, value, schema] of checks) {
    const checked = schema.safeParse(value);
    if (!checked.success)
      return {
        error: message('cli.flagProblem', {
          flag,
          problem: issueMessage(checked.error.issues[0] ?? { message: '' }),
        }),
      };
  }
  return {
    ...(Object.keys(alerts).length > 0 ? { alerts } : {}),
    ...(typeof poll === 'string' ? { pollSeconds: Number(poll) } : {}),
  };
}

/**
 * Builds the account from flags, field by field from the provider's descriptor, validated by the config schema. A
 * preset added from a file makes a custom account with that preset's endpoint; flags may still change its fields.
 */
export function accountFromFlags(
  flags: AccountFlags,
  allFieldFlags: readonly string[],
  presets: readonly PresetFile[] = [],
): { account: Account } | { error: Message } {
  const added = presets.find((p) => p.id === flags.provider);
  const provider = ProviderId.safeParse(added ? 'custom' : flags.provider);
  if (!provider.success) {
    const ids = [...ProviderId.options, ...presets.map((p) => p.id)];
    return { error: message('cli.providerOneOf', { ids: ids.join(', ') }) };
  }
  const info = PROVIDERS[provider.data];
  const own = new Set(info.fields.map((f) => f.flag));
  const foreign = allFieldFlags.filter((flag) => flags[flag] !== undefined && !own.has(flag));
  if (foreign.length > 0) {
    return {
      error: message('cli.flagsNotFor', {
        flags: foreign.map((f) => `--${f}`).join(', '),
        provider: info.displayName,
        count: foreign.length,
      }),
    };
  }
  const { draft, problems } = accountDraft(info.fields as readonly FieldSpec[], (field) => {
    const raw = flags[field.flag];
    // A repeatable flag (--header) arrives as a list: one line each.
    return Array.isArray(raw) ? raw.join('\n') : typeof raw === 'string' ? raw : undefined;
  });
  const [first] = problems;
  if (first) return { error: message('cli.flagProblem', { flag: first.field.flag, problem: first.problem }) };
  // The form's words for this point at its key field; here the key is piped or typed, and the flags say how it goes.
  const keyParam = typeof flags.url === 'string' ? secretParamIn(flags.url) : null;
  if (keyParam) return { error: message('cli.keyInUrl', { name: keyParam }) };
  const settings = settingsFromFlags(flags);
  if ('error' in settings) return settings;
  // A preset added from a file gives its endpoint; the flags given change its fields.
  const custom =
    added || draft.custom ? { ...added?.custom, ...(draft.custom as object | undefined) } : undefined;
  const parsed = Account.safeParse({
    ...draft,
    id: flags.id,
    provider: provider.data,
    label: flags.label ?? added?.name ?? info.displayName,
    ...(custom ? { custom } : {}),
    ...settings,
  });
  if (!parsed.success) return { error: flagIssues(info.fields, parsed.error) };
  return { account: parsed.data };
}

/** The flags `accounts add` and `set` give that are no provider's field, by the config path they set. */
const FIXED_FLAGS: Record<string, string> = {
  id: 'id',
  label: 'label',
  provider: 'provider',
  pollSeconds: 'poll-seconds',
  ...Object.fromEntries(LEVEL_FLAGS.map(([flag, field]) => [`alerts.${field}`, flag])),
};

/**
 * The config's refusals, each said by the flag that sets the field (`--remaining: is required...`), never by
 * its path in the config (`custom.remaining`, `params.accountSid`). A custom account given no endpoint at all is
 * missing its first required flag. A path no flag sets is said as it is.
 */
function flagIssues(
  fields: readonly FieldSpec[],
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
): Message {
  const lines = error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    const flag =
      FIXED_FLAGS[where] ??
      (
        fields.find((f) => f.path === where) ??
        fields.find((f) => f.required && f.path.startsWith(`${where}.`))
      )?.flag;
    return flag
      ? message('cli.flagProblem', { flag, problem: issueMessage(issue) })
      : describeIssues({ issues: [issue] });
  });
  return { key: 'text.asIs', params: { text: { lines } } };
}

/** What the test read: the balance, how many quotas, or (a cost report with no balance stated) what was spent. */
function describeValue({ t, headlineText }: Translator, snapshot: Snapshot): string {
  return snapshot.quotas.length > 0 && snapshot.remaining === null
    ? t('cli.quotas', { count: snapshot.quotas.length })
    : headlineText({ ...snapshot, ledger: snapshot.extras.ledger });
}

/** The account a command names, with the context it runs in; null (said on stderr) when there is none by that id. */
export async function namedAccount(
  id: string | undefined,
  flags: AccountFlags,
  io: CliIo,
): Promise<{ ctx: Awaited<ReturnType<typeof openContext>>; account: Account } | null> {
  const ctx = await openContext(flags, io);
  const account = id ? ctx.stores.config.account(id) : null;
  if (account) return { ctx, account };
  io.stderr(`${io.tr.t('cli.noSuchAccount', { id: id ?? '', file: ctx.stores.paths.configFile })}\n`);
  return null;
}

/** Why a key was not saved: problems with the key or the keychain speak for themselves; a failed test says so. */
function notSaved({ t, say }: Translator, error: AppFailure, flags: AccountFlags): string {
  const plain = flags['no-verify'] || ERROR_KINDS[error.kind].local;
  const problem = plain ? say(error.said) : t('cli.testFailed', { message: say(error.said) });
  return t('cli.notSaved', { problem });
}

/** `accounts add`: the key comes on standard input (never argv), is tested, and only then saved. */
export async function accountsAdd(
  flags: AccountFlags,
  allFieldFlags: readonly string[],
  io: CliIo,
  readKey: (prompt: string) => Promise<string>,
): Promise<number> {
  const { t, say } = io.tr;
  const ctx = await openContext(flags, io);
  const built = accountFromFlags(flags, allFieldFlags, ctx.stores.config.presets);
  if ('error' in built) {
    io.stderr(`${say(built.error)}\n`);
    return 3;
  }
  const { account } = built;
  // Before reading the key or testing it: a taken id is refused at once.
  if (ctx.stores.config.account(account.id)) {
    io.stderr(`${t('account.idTaken', { id: account.id })}\n`);
    return 3;
  }
  const needsKey = hasCredential(account.provider);
  const variable = envKeyName(account.id);
  const key = needsKey ? (await readKey(t('cli.keyPrompt', { label: account.label }))).trim() : null;
  // None given, but one in the environment (a server with no keychain): tested from there, and left there.
  const fromEnvironment = needsKey && !key && Boolean(io.env[variable]);
  if (needsKey && !key && !fromEnvironment) {
    io.stderr(`${t('cli.noKeyOnStdin', { variable })}\n`);
    return 3;
  }
  let tested: Snapshot | null;
  try {
    tested = await ctx.accounts.add(account, key || null, { verify: !flags['no-verify'] });
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    io.stderr(`${notSaved(io.tr, error, flags)}\n`);
    return 3;
  }
  if (tested) io.stdout(`${t('cli.connected', { value: describeValue(io.tr, tested) })}\n`);
  const added = fromEnvironment ? 'cli.addedWithEnvKey' : needsKey ? 'cli.addedWithKey' : 'cli.added';
  io.stdout(`${t(added, { label: account.label, id: account.id, variable })}\n`);
  if (keepsLedger(account))
    io.stdout(`${t('cli.stateBalanceHint', { label: account.label, id: account.id })}\n`);
  return 0;
}

/** `accounts rotate-key ID`: a new key, typed or piped as for add, tested (unless --no-verify), then saved. */
export async function accountsRotateKey(
  id: string | undefined,
  flags: AccountFlags,
  io: CliIo,
  readKey: (prompt: string) => Promise<string>,
): Promise<number> {
  const { t } = io.tr;
  const named = await namedAccount(id, flags, io);
  if (!id || !named) return 3;
  const { ctx, account } = named;
  if (!hasCredential(account.provider)) {
    io.stderr(`${t('cli.noKeyNeeded', { label: account.label, id })}\n`);
    return 3;
  }
  const key = (await readKey(t('cli.keyPrompt', { label: account.label }))).trim();
  if (!key) {
    io.stderr(`${t('cli.noKeyOnStdin', { variable: envKeyName(id) })}\n`);
    return 3;
  }
  try {
    if (!flags['no-verify']) await ctx.accounts.test(account, key);
    await ctx.accounts.rotateKey(id, key);
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    io.stderr(`${notSaved(io.tr, error, flags)}\n`);
    return 3;
  }
  io.stdout(`${t('cli.keyRotated', { label: account.label, id })}\n`);
  return 0;
}

/** `accounts list`: never more of a key than its last four characters. */
export async function accountsList(flags: AccountFlags, io: CliIo): Promise<number> {
  const { t } = io.tr;
  const ctx = await openContext(flags, io);
  const accounts = ctx.stores.config.accounts;
  if (accounts.length === 0) {
    if (flags.json) io.stdout(`${JSON.stringify({ accounts: [] })}\n`);
    else io.stdout(`${t('cli.noAccountsList')}\n`);
    return 0;
  }
  const rows: { id: string; provider: string; label: string; key: string }[] = [];
  for (const account of accounts) {
    let where: string;
    const fromEnv = io.env[envKeyName(account.id)];
    if (!hasCredential(account.provider)) where = t('cli.keyNotNeeded');
    else if (fromEnv)
      where = t('cli.keyFromEnv', {
        hint: keyHint(fromEnv) ?? t('cli.keySet'),
        variable: envKeyName(account.id),
      });
    else {
      const stored = await ctx.keychain.get(account.id).catch((error: unknown) => error);
      if (stored instanceof AppFailure) where = t('kind.keychain_unavailable');
      else if (typeof stored === 'string' && stored.length > 0)
        where = t('cli.keyStored', { hint: keyHint(stored) ?? t('cli.keySet') });
      else where = t('kind.no_credentials');
    }
    rows.push({ id: account.id, provider: account.provider, label: account.label, key: where });
  }
  if (flags.json) io.stdout(`${JSON.stringify({ accounts: rows })}\n`);
  else {
    // The columns in status's order: the id, the name, the provider.
    const header = [t('cli.col.id'), t('cli.col.account'), t('cli.col.provider'), t('cli.col.key')];
    io.stdout(
      `${alignedTable(
        header,
        rows.map((r) => [r.id, r.label, r.provider, r.key]),
      )}\n`,
    );
  }
  return 0;
}

/** `accounts remove ID`: the config entry, then its keychain item, cache, history and alert state. */
export async function accountsRemove(
  id: string | undefined,
  flags: AccountFlags,
  io: CliIo,
): Promise<number> {
  const { t, say } = io.tr;
  const named = await namedAccount(id, flags, io);
  if (!id || !named) return 3;
  const { account, left } = await named.ctx.accounts.remove(id);
  if (left.length > 0) {
    io.stderr(`${say(message('cli.removedPartly', { id, left }))}\n`);
    return 1;
  }
  io.stdout(`${t(hasCredential(account.provider) ? 'cli.removedWithKey' : 'cli.removed', { id })}\n`);
  return 0;
}

/** `accounts set ID`: a new name, levels or poll interval, checked as the popover checks them. */
export async function accountsSet(id: string | undefined, flags: AccountFlags, io: CliIo): Promise<number> {
  const { t, say } = io.tr;
  const named = await namedAccount(id, flags, io);
  if (!id || !named) return 3;
  const { ctx, account: existing } = named;
  const settings = settingsFromFlags(flags);
  if ('error' in settings) {
    io.stderr(`${say(settings.error)}\n`);
    return 3;
  }
  const patch = {
    ...(typeof flags.label === 'string' ? { label: flags.label } : {}),
    ...(settings.alerts ? { alerts: { ...existing.alerts, ...settings.alerts } } : {}),
    ...(settings.pollSeconds !== undefined ? { pollSeconds: settings.pollSeconds } : {}),
  };
  if (Object.keys(patch).length === 0) {
    io.stderr(`${t('cli.nothingToSet')}\n`);
    return 3;
  }
  const updated = await ctx.accounts.update(id, patch);
  io.stdout(`${t('cli.updated', { label: updated.label, id })}\n`);
  return 0;
}

import { Account, accountDraft, describeIssues } from '../../shared/config';
import { ERROR_KINDS } from '../../shared/error-kinds';
import type { Translator } from '../../shared/i18n/translator';
import { type Message, message } from '../../shared/message';
import type { Snapshot } from '../../shared/model';
import type { PresetFile } from '../../shared/preset-file';
import { type FieldSpec, hasCredential, PROVIDERS, ProviderId } from '../../shared/providers';
import { AppFailure } from '../core/errors';
import { envKeyName, keyHint } from '../core/store/secrets';
import { type CliIo, openContext } from './context';

/** The flags `accounts add` reads: the fixed ones, and one per field of any provider's descriptor. */
export type AccountFlags = {
  'data-dir'?: string;
  config?: string;
  provider?: string;
  id?: string;
  label?: string;
  'no-verify'?: boolean;
} & Record<string, string | string[] | boolean | undefined>;

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
  // A preset added from a file gives its endpoint; the flags given change its fields.
  const custom =
    added || draft.custom ? { ...added?.custom, ...(draft.custom as object | undefined) } : undefined;
  const parsed = Account.safeParse({
    ...draft,
    id: flags.id,
    provider: provider.data,
    label: flags.label ?? added?.name ?? info.displayName,
    ...(custom ? { custom } : {}),
  });
  if (!parsed.success) return { error: describeIssues(parsed.error) };
  return { account: parsed.data };
}

function describeValue({ t, amountWithUnit }: Translator, snapshot: Snapshot): string {
  return snapshot.remaining !== null
    ? amountWithUnit(snapshot.remaining, snapshot.unit)
    : t('cli.quotas', { count: snapshot.quotas.length });
}

/** `accounts add`: the key comes on standard input (never argv), is tested, and only then saved. */
export async function accountsAdd(
  flags: AccountFlags,
  allFieldFlags: readonly string[],
  io: CliIo,
  stdin: () => Promise<string>,
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
  const key = needsKey ? (await stdin()).trim() : null;
  if (needsKey && !key) {
    io.stderr(`${t('cli.noKeyOnStdin')}\n`);
    return 3;
  }
  let tested: Snapshot | null;
  try {
    tested = await ctx.accounts.add(account, key, { verify: !flags['no-verify'] });
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    // Problems with the key or the keychain speak for themselves; a failed test fetch says it was the test.
    const plain = flags['no-verify'] || ERROR_KINDS[error.kind].local;
    const problem = plain ? say(error.said) : t('cli.testFailed', { message: say(error.said) });
    io.stderr(`${t('cli.notSaved', { problem })}\n`);
    return 3;
  }
  if (tested) io.stdout(`${t('cli.connected', { value: describeValue(io.tr, tested) })}\n`);
  io.stdout(`${t(needsKey ? 'cli.addedWithKey' : 'cli.added', { label: account.label, id: account.id })}\n`);
  return 0;
}

/** `accounts list`: never more of a key than its last four characters. */
export async function accountsList(flags: AccountFlags, io: CliIo): Promise<number> {
  const { t } = io.tr;
  const ctx = await openContext(flags, io);
  const accounts = ctx.stores.config.accounts;
  if (accounts.length === 0) {
    io.stdout(`${t('cli.noAccountsList')}\n`);
    return 0;
  }
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
    io.stdout(`${account.id}\t${account.provider}\t${account.label}\t${where}\n`);
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
  const ctx = await openContext(flags, io);
  if (!id || !ctx.stores.config.account(id)) {
    io.stderr(`${t('cli.noSuchAccount', { id: id ?? '', file: ctx.stores.paths.configFile })}\n`);
    return 3;
  }
  const { account, left } = await ctx.accounts.remove(id);
  if (left.length > 0) {
    io.stderr(`${say(message('cli.removedPartly', { id, left }))}\n`);
    return 1;
  }
  io.stdout(`${t(hasCredential(account.provider) ? 'cli.removedWithKey' : 'cli.removed', { id })}\n`);
  return 0;
}

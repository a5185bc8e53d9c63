import path from 'node:path';
import { Account, describeIssues } from '../../shared/config';
import { formatAmount } from '../../shared/format';
import type { Snapshot } from '../../shared/model';
import { PROVIDERS, ProviderId } from '../../shared/providers';
import { testAccount } from '../core/monitor/refresh-account';
import { ProviderFailure } from '../core/providers/failure';
import { assertNewAccountId, saveNewAccount } from '../core/store/account-records';
import { AlertStateStore } from '../core/store/alert-state-store';
import { writeConfig } from '../core/store/config-file';
import { HistoryStore } from '../core/store/history';
import { envKeyName, keyHint } from '../core/store/secrets';
import { type CliIo, openContext } from './context';

export interface AccountFlags {
  'data-dir'?: string;
  config?: string;
  provider?: string;
  id?: string;
  label?: string;
  'base-url'?: string;
  'user-id'?: string;
  'no-verify'?: boolean;
  url?: string;
  method?: string;
  'auth-header'?: string;
  'auth-scheme'?: string;
  'remaining-pointer'?: string;
  'limit-pointer'?: string;
  'used-pointer'?: string;
  unit?: string;
}

/** Builds the account from flags; custom endpoints come from their own flags, validated by the same schema. */
function accountFromFlags(flags: AccountFlags): { account: Account } | { error: string } {
  const provider = ProviderId.safeParse(flags.provider);
  if (!provider.success) return { error: `--provider must be one of: ${ProviderId.options.join(', ')}` };
  const custom =
    provider.data === 'custom'
      ? {
          url: flags.url,
          remainingPointer: flags['remaining-pointer'],
          ...(flags.method ? { method: flags.method.toUpperCase() } : {}),
          ...(flags['auth-header'] ? { authHeader: flags['auth-header'] } : {}),
          ...(flags['auth-scheme'] !== undefined ? { authScheme: flags['auth-scheme'] } : {}),
          ...(flags['limit-pointer'] ? { limitPointer: flags['limit-pointer'] } : {}),
          ...(flags['used-pointer'] ? { usedPointer: flags['used-pointer'] } : {}),
          ...(flags.unit ? { unit: flags.unit } : {}),
        }
      : undefined;
  const parsed = Account.safeParse({
    id: flags.id,
    provider: provider.data,
    label: flags.label ?? PROVIDERS[provider.data].displayName,
    ...(flags['base-url'] ? { baseUrl: flags['base-url'] } : {}),
    ...(flags['user-id'] ? { userId: flags['user-id'] } : {}),
    ...(custom ? { custom } : {}),
  });
  if (!parsed.success) return { error: describeIssues(parsed.error) };
  return { account: parsed.data };
}

async function readKey(stdin: () => Promise<string>): Promise<string> {
  return (await stdin()).trim();
}

/** `accounts add`: the key comes on standard input (never argv), is tested, and only then saved. */
export async function accountsAdd(
  flags: AccountFlags,
  io: CliIo,
  stdin: () => Promise<string>,
): Promise<number> {
  const built = accountFromFlags(flags);
  if ('error' in built) {
    io.stderr(`${built.error}\n`);
    return 3;
  }
  const { account } = built;
  const ctx = await openContext(flags, io);
  // Before reading the key or testing it: a taken id is refused at once.
  assertNewAccountId(ctx.config, account.id);
  const needsKey = PROVIDERS[account.provider].needsNetwork;
  const key = needsKey ? await readKey(stdin) : '';
  if (needsKey && key === '') {
    io.stderr(
      'No API key on standard input: pipe it in, e.g. `pass show my-key | creditbar accounts add ...`\n',
    );
    return 3;
  }
  let tested: Snapshot | null = null;
  if (!flags['no-verify']) {
    const test = await testAccount(account, key, ctx.deps);
    if (test.error || !test.snapshot) {
      io.stderr(`Not saved: the test fetch failed (${test.error?.kind}): ${test.error?.message}\n`);
      return 3;
    }
    const s = test.snapshot;
    const value =
      s.remaining !== null
        ? `${formatAmount(s.remaining)} ${s.unit ?? ''}`.trim()
        : `${s.quotas.length} quota${s.quotas.length === 1 ? '' : 's'}`;
    io.stdout(`Connected: ${value}\n`);
    tested = s;
  }
  try {
    await saveNewAccount(ctx.paths.configFile, ctx.config, account, needsKey ? key : null, ctx.store);
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    io.stderr(`Not saved: ${error.message}. Nothing was written.\n`);
    return 3;
  }
  // Only a saved account gets its first value cached, so a refused save leaves no file behind.
  if (tested) await ctx.deps.cache.write(account.id, tested).catch(() => undefined);
  io.stdout(`Added ${account.label} (${account.id}); its key is in the OS keychain.\n`);
  return 0;
}

/** `accounts list`: never more of a key than its last four characters. */
export async function accountsList(flags: AccountFlags, io: CliIo): Promise<number> {
  const ctx = await openContext(flags, io);
  const accounts = ctx.config?.accounts ?? [];
  if (accounts.length === 0) {
    io.stdout('No accounts.\n');
    return 0;
  }
  for (const account of accounts) {
    let where: string;
    const fromEnv = io.env[envKeyName(account.id)];
    if (fromEnv) where = `key ${keyHint(fromEnv) ?? 'set'} (from ${envKeyName(account.id)})`;
    else {
      const stored = await ctx.store.get(account.id).catch((error: unknown) => error);
      if (stored instanceof ProviderFailure) where = 'keychain unavailable';
      else if (typeof stored === 'string' && stored.length > 0) where = `key ${keyHint(stored) ?? 'set'}`;
      else where = 'no key';
    }
    io.stdout(`${account.id}\t${account.provider}\t${account.label}\t${where}\n`);
  }
  return 0;
}

/** `accounts remove ID`: the keychain item, cache, history and alert state go with it. */
export async function accountsRemove(
  id: string | undefined,
  flags: AccountFlags,
  io: CliIo,
): Promise<number> {
  const ctx = await openContext(flags, io);
  const config = ctx.config;
  if (!id || !config?.accounts.some((a) => a.id === id)) {
    io.stderr(`No account "${id ?? ''}" in ${ctx.paths.configFile}.\n`);
    return 3;
  }
  try {
    await ctx.store.delete(id);
  } catch (error) {
    const message = error instanceof ProviderFailure ? error.message : 'the keychain refused';
    io.stderr(`Not removed: ${message}, so the key could not be deleted.\n`);
    return 3;
  }
  await writeConfig(ctx.paths.configFile, {
    ...config,
    accounts: config.accounts.filter((a) => a.id !== id),
  });
  await ctx.deps.cache.remove(id);
  await new HistoryStore(path.join(ctx.paths.dataDir, 'history')).remove(id);
  const alerts = AlertStateStore.inDataDir(ctx.paths.dataDir);
  const state = await alerts.load();
  if (state.accounts[id]) {
    delete state.accounts[id];
    state.held = state.held.filter((h) => h.accountId !== id);
    await alerts.save(state);
  }
  io.stdout(`Removed ${id}: its key was deleted from the keychain, with its cache and history.\n`);
  return 0;
}

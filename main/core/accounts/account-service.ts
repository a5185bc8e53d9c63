import {
  Account,
  type AccountPatch,
  ApiKeyText,
  accountIdentity,
  applyPatch,
  describeIssues,
  sameIdentity,
} from '../../../shared/config';
import { issueMessage } from '../../../shared/issue-message';
import { type Message, message } from '../../../shared/message';
import type { Snapshot } from '../../../shared/model';
import { hasCredential } from '../../../shared/providers';
import { AppFailure, ConfigError } from '../errors';
import { POLL_DEADLINE_MS, testAccount } from '../monitor/refresh-account';
import type { ProbeResult } from '../providers/adapter';
import { checkExpressions } from '../providers/custom/read-answer';
import type { HttpClient } from '../providers/http';
import { pollerFor } from '../providers/registry';
import type { SnapshotCache } from '../store/cache';
import type { ConfigStore } from '../store/config-store';
import type { HistoryStore } from '../store/history';
import type { IdentityIndex } from '../store/identities';
import type { LedgerStore } from '../store/ledger-store';
import { createSecretResolver, envKeyName, type SecretStore } from '../store/secrets';

/** An expression that does not parse is refused before anything is saved, naming its field. */
async function checkEndpoint(account: Account): Promise<void> {
  if (!account.custom) return;
  try {
    await checkExpressions(account.custom);
  } catch (error) {
    if (error instanceof AppFailure) throw new ConfigError(error.said);
    throw error;
  }
}

/** Refuses a key that could never work (a line break inside it), before anything is saved; never quotes it. */
function checkKey(key: string): void {
  const parsed = ApiKeyText.safeParse(key);
  if (!parsed.success)
    throw new AppFailure(
      'config',
      message('account.keyProblem', {
        problem: parsed.error.issues[0]
          ? issueMessage(parsed.error.issues[0])
          : message('account.keyInvalid'),
      }),
    );
}

export interface AccountServiceDeps {
  config: ConfigStore;
  store: SecretStore;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  cache: SnapshotCache;
  history: HistoryStore;
  /** Forgets the account's alert state (the running monitor's, or the file's where none runs). */
  forgetAlerts: (accountId: string) => Promise<void>;
  identities: IdentityIndex;
  /** The stated balances and top-ups of a ledger account: they go with it. */
  ledger: Pick<LedgerStore, 'forget'>;
  now: () => Date;
}

/** What `remove` could not take away; everything else went. */
export interface RemoveResult {
  account: Account;
  left: Message[];
}

/**
 * Adding, testing, changing and removing accounts, for the CLI and the desktop app alike: the order of the steps
 * (test before save, config before key, key before cache) is decided once, here.
 */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /**
   * Takes the cached value, history and alert state away from every account whose provider, host or user changed
   * since they were written (a hand-edited config), and records what each account is now. Run before anything is
   * read. Says where each history went: set aside, never deleted.
   */
  async reconcile(): Promise<Message[]> {
    const { cache, config } = this.deps;
    const changed = await this.deps.identities.changed(config.accounts, (id) => cache.identity(id));
    const notices: Message[] = [];
    for (const id of changed) notices.push(...(await this.setDataAside(config.account(id))));
    return notices;
  }

  /** An account's data, not its key or its config: what removing the account removes. */
  private async dropData(accountId: string): Promise<Message[]> {
    const left: Message[] = [];
    await this.deps.cache.remove(accountId).catch(() => left.push(message('account.leftCache')));
    await this.deps.history.remove(accountId).catch(() => left.push(message('account.leftHistory')));
    await this.deps.forgetAlerts(accountId).catch(() => left.push(message('account.leftAlerts')));
    await this.deps.ledger.forget(accountId).catch(() => left.push(message('account.leftLedger')));
    return left;
  }

  /**
   * What a changed identity makes the old account's: its cached value and alert state go (one poll makes them
   * again), its history is kept beside, out of the new account's way; the notice says where.
   */
  private async setDataAside(account: Account | null): Promise<Message[]> {
    if (!account) return [];
    const notices: Message[] = [];
    await this.deps.cache.remove(account.id).catch(() => notices.push(message('account.leftCache')));
    await this.deps.forgetAlerts(account.id).catch(() => notices.push(message('account.leftAlerts')));
    try {
      const file = await this.deps.history.setAside(account.id, this.deps.now());
      if (file) notices.push(message('account.historySetAside', { label: account.label, file }));
    } catch {
      notices.push(message('account.leftHistory'));
    }
    return notices;
  }

  /** The key a test uses: the one typed, else the stored one; none for a provider without a credential. */
  private async secretFor(account: Account, key: string | undefined): Promise<string> {
    if (!hasCredential(account.provider)) return '';
    return key ?? (await createSecretResolver(this.deps.env, this.deps.store)(account.id));
  }

  /** One fetch with the key given (or the stored one); nothing is read from or written to the cache. */
  async test(account: Account, key?: string): Promise<Snapshot> {
    const secret = await this.secretFor(account, key);
    const { snapshot, error } = await testAccount(account, secret, this.deps);
    if (error || !snapshot)
      throw new AppFailure(error?.kind ?? 'bad_response', error?.message ?? message('account.noAnswer'));
    return snapshot;
  }

  /**
   * A test that shows its working, for endpoints read by expressions: each value read and the answer's shape, even
   * when an expression could not use it. Other providers answer with their snapshot alone.
   */
  async probe(account: Account, key?: string): Promise<ProbeResult> {
    const poller = pollerFor(account.provider);
    if (!poller.probe) {
      return { readings: [], shape: null, problem: null, snapshot: await this.test(account, key) };
    }
    await checkEndpoint(account);
    const secret = await this.secretFor(account, key);
    if (hasCredential(account.provider) && !secret) {
      throw new AppFailure('no_credentials', message('account.enterKey'));
    }
    return poller.probe({
      account,
      secret,
      http: this.deps.http,
      now: this.deps.now(),
      signal: AbortSignal.timeout(POLL_DEADLINE_MS),
    });
  }

  /**
   * Tests (unless told not to), then saves the config, then the key: a config that cannot be written leaves no
   * key behind, and a keychain that refuses puts the config back. The first value is cached only once saved.
   */
  async add(account: Account, key: string | null, options: { verify: boolean }): Promise<Snapshot | null> {
    if (this.deps.config.account(account.id)) {
      throw new ConfigError(message('account.idTaken', { id: account.id }));
    }
    const needsKey = hasCredential(account.provider);
    // A key in the environment (a server with no keychain) is read from there: the account is saved without one.
    if (needsKey && !key && !this.deps.env[envKeyName(account.id)])
      throw new AppFailure('no_credentials', message('account.enterKey'));
    if (needsKey && key) checkKey(key);
    await checkEndpoint(account);
    const tested = options.verify ? await this.test(account, key ?? undefined) : null;
    const hadFile = this.deps.config.exists;
    await this.deps.config.addAccount(account);
    if (needsKey && key) {
      try {
        await this.deps.store.set(account.id, key);
      } catch (error) {
        // Only this account comes out again: others added meanwhile (another process) stay.
        await this.deps.config.removeAccount(account.id, { dropEmptyFile: !hadFile }).catch(() => undefined);
        throw error;
      }
    }
    // Recorded at once (a hand edit before the next command is still noticed); anything left under this id by an
    // account that stood for something else goes before this one's first value.
    await this.reconcile();
    const seed = pollerFor(account.provider).initialHistory?.(account.id, this.deps.now().getTime());
    if (seed) await this.deps.history.replace(account.id, seed);
    if (tested)
      await this.deps.cache.write(account.id, tested, accountIdentity(account)).catch(() => undefined);
    return tested;
  }

  /**
   * Changes the fields given and keeps the rest. A new key is stored only once the changed account validates,
   * and in place (macOS asks again for an item deleted and re-created).
   */
  async update(accountId: string, patch: AccountPatch, key?: string): Promise<Account> {
    const existing = this.deps.config.account(accountId);
    if (!existing) throw new AppFailure('not_found', message('account.none', { id: accountId }));
    const checked = Account.safeParse({
      ...applyPatch(existing, patch),
      id: existing.id,
      provider: existing.provider,
    });
    if (!checked.success) throw new ConfigError(describeIssues(checked.error));
    await checkEndpoint(checked.data);
    if (key && hasCredential(existing.provider)) {
      checkKey(key);
      await this.deps.store.set(accountId, key);
    }
    // Another host or user: what was cached, charted and alerted belongs to the old one.
    if (!sameIdentity(accountIdentity(checked.data), accountIdentity(existing)))
      await this.setDataAside(existing);
    const updated = await this.deps.config.patchAccount(accountId, patch);
    await this.deps.identities.changed(this.deps.config.accounts);
    return updated;
  }

  async rotateKey(accountId: string, key: string): Promise<void> {
    const existing = this.deps.config.account(accountId);
    if (!existing) throw new AppFailure('not_found', message('account.none', { id: accountId }));
    if (!hasCredential(existing.provider))
      throw new AppFailure('config', message('account.noKey', { label: existing.label }));
    checkKey(key);
    await this.deps.store.set(accountId, key);
  }

  /**
   * The config entry goes first: once it is gone the account is removed, whatever follows. Then its key, cache,
   * history and alert state; what could not be removed is named, never hidden.
   */
  async remove(accountId: string): Promise<RemoveResult> {
    const account = this.deps.config.account(accountId);
    if (!account) throw new AppFailure('not_found', message('account.none', { id: accountId }));
    await this.deps.config.removeAccount(accountId);
    const left: Message[] = [];
    if (hasCredential(account.provider)) {
      await this.deps.store.delete(accountId).catch((error: unknown) => {
        left.push(
          message('account.leftKey', {
            problem: error instanceof AppFailure ? error.said : message('account.keychainRefused'),
          }),
        );
      });
    }
    const leftData = await this.dropData(accountId);
    // Its data gone, the id may come back as any account; with some left, the entry still tells it apart.
    if (leftData.length === 0) await this.deps.identities.forget(accountId);
    left.push(...leftData);
    return { account, left };
  }
}

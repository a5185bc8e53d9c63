import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/core/errors';
import { createSecretResolver, type SecretStore } from '../../../main/core/store/secrets';
import { Account } from '../../../shared/config';
import { say } from '../../support/english';

const NO_KEYCHAIN: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

describe('keys and headers HTTP cannot send are refused where they are set', () => {
  it.each([
    ['a trailing CR (a keys file saved with Windows line endings)', 'sk_live_abc123\r', /control characters/],
    ['a letter beyond Latin-1', 'sk_live_ключ', /Latin-1/],
  ])('a key in the environment with %s: a config problem naming the variable', async (_why, key, problem) => {
    const resolve = createSecretResolver({ CREDITBAR_KEY_MAIN: key }, NO_KEYCHAIN);
    const error = await resolve('main').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).kind).toBe('config');
    expect(say((error as AppFailure).said)).toMatch(/^CREDITBAR_KEY_MAIN is not a key that can be sent: /);
    expect(say((error as AppFailure).said)).toMatch(problem);
    expect(say((error as AppFailure).said)).not.toContain('sk_live');
  });

  it('a custom header holding an emoji is refused when the account is saved, not at every poll', () => {
    const parsed = Account.safeParse({
      id: 'x',
      provider: 'custom',
      label: 'X',
      custom: { url: 'https://api.example.com/me', remaining: 'credits', headers: { 'X-Team': 'growth 🚀' } },
    });
    expect(parsed.success).toBe(false);
  });
});

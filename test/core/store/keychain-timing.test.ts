import { describe, expect, it } from 'vitest';
import { createKeytarStore, type KeytarLike } from '../../../main/core/store/secrets';

/**
 * A keychain that holds its answer until told: what a person reading macOS's "allow access" prompt, or a locked
 * keyring's unlock dialog, looks like to the app.
 */
function promptingKeychain() {
  const waiting: (() => void)[] = [];
  const keytar: KeytarLike = {
    getPassword: () => new Promise((resolve) => waiting.push(() => resolve('the-key'))),
    setPassword: async () => undefined,
    deletePassword: async () => true,
  };
  const answer = () => {
    for (const go of waiting.splice(0)) go();
  };
  return { backend: { load: async () => keytar }, answer };
}

describe('the keychain when the OS asks the person first', () => {
  it('a call waits its deadline; answered later, the keychain answers again at once and the app is told', async () => {
    const keychain = promptingKeychain();
    let told = 0;
    const store = createKeytarStore('creditbar-test-timing', 'darwin', keychain.backend, {
      deadlineMs: 50,
      onLateAnswer: () => {
        told++;
      },
    });
    await expect(store.get('research')).rejects.toMatchObject({ kind: 'keychain_unavailable' });
    // Given up on, the keychain is left alone for a minute...
    await expect(store.get('research')).rejects.toMatchObject({ kind: 'keychain_unavailable' });
    // ...unless the person answers the prompt: then at once.
    keychain.answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(told).toBe(1);
    const next = store.get('research');
    setTimeout(() => keychain.answer(), 10);
    await expect(next).resolves.toBe('the-key');
  });

  it('a person has as long as the deadline given: an answer within it is the answer', async () => {
    const keychain = promptingKeychain();
    const store = createKeytarStore('creditbar-test-timing', 'darwin', keychain.backend, {
      deadlineMs: 1_000,
    });
    const asked = store.get('research');
    setTimeout(() => keychain.answer(), 200);
    await expect(asked).resolves.toBe('the-key');
  });
});

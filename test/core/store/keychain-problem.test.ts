import { describe, expect, it } from 'vitest';
import {
  createKeytarStore,
  keychainProblem,
  keychainProblemText,
  keychainService,
} from '../../../main/core/store/secrets';
import { say } from '../../support/english';
import { TEST_KEYCHAIN_SERVICE } from '../../support/keychain';

// The messages are the ones keytar passes on from the dynamic loader, D-Bus, libsecret, Security.framework
// and Windows; the Linux ones were captured on this machine (no bus, no service file, a locked collection).
describe('keychain problems say which', () => {
  it.each([
    ['libsecret-1.so.0: cannot open shared object file: No such file or directory', 'library_missing'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no_service'],
    ['Could not connect: No such file or directory', 'no_service'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['The user name or passphrase you entered is not correct.', 'denied'],
    ['User canceled the operation.', 'denied'],
    ['Access is denied.', 'denied'],
    ['Something else entirely', 'unknown'],
  ] as const)('%s → %s', (message, problem) => {
    expect(keychainProblem(message)).toBe(problem);
  });

  it('each problem gets its own advice, and none repeats the native text', () => {
    const problems = ['library_missing', 'no_service', 'locked', 'denied', 'unknown'] as const;
    const texts = problems.map((p) => say(keychainProblemText(p, 'linux')));
    expect(new Set(texts).size).toBe(problems.length);
    expect(say(keychainProblemText('library_missing', 'linux'))).toMatch(/install libsecret-1-0/);
    expect(say(keychainProblemText('locked', 'darwin'))).toMatch(/unlock the login keychain/);
    expect(say(keychainProblemText('denied', 'darwin'))).toMatch(/Allow/);
  });
});

describe('the keychain service name', () => {
  it('is Creditbar by default, another one when CREDITBAR_KEYCHAIN_SERVICE says so', () => {
    expect(keychainService({})).toBe('Creditbar');
    expect(keychainService({ CREDITBAR_KEYCHAIN_SERVICE: 'Creditbar-work' })).toBe('Creditbar-work');
  });

  it('tests run under their own, never the person’s', () => {
    expect(process.env.CREDITBAR_KEYCHAIN_SERVICE).toBe(TEST_KEYCHAIN_SERVICE);
    expect(TEST_KEYCHAIN_SERVICE).not.toBe('Creditbar');
  });

  it('a store keeps its items under its own service only', async () => {
    const ours = createKeytarStore(TEST_KEYCHAIN_SERVICE);
    const other = createKeytarStore(`${TEST_KEYCHAIN_SERVICE}-other`);
    await ours.set('shared-id', 'key-of-ours-1234');
    expect(await other.get('shared-id')).toBeNull();
    expect(await ours.get('shared-id')).toBe('key-of-ours-1234');
    expect(await ours.delete('shared-id')).toBe(true);
  });
});

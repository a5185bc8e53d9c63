import { describe, expect, it } from 'vitest';
import { keychainProblem, keychainProblemText } from '../../../main/core/store/secrets';

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
    const texts = problems.map((p) => keychainProblemText(p, 'linux'));
    expect(new Set(texts).size).toBe(problems.length);
    expect(keychainProblemText('library_missing', 'linux')).toMatch(/install libsecret-1-0/);
    expect(keychainProblemText('locked', 'darwin')).toMatch(/unlock the login keychain/);
    expect(keychainProblemText('denied', 'darwin')).toMatch(/Allow/);
  });
});

/**
 * The tests' own keychain service: no test reads, writes or deletes a person's real `Creditbar` items, whatever
 * keychain the machine has. vitest.config.mts sets it for this process; child processes inherit it.
 */
export const TEST_KEYCHAIN_SERVICE = 'Creditbar-tests';

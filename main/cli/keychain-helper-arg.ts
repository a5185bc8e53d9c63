/** The argument that makes the CLI's own bundle the keychain helper (core/store/keychain-helper.ts): no second file to ship. */
export const KEYCHAIN_HELPER_ARG = '--keychain-helper';

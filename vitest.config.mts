import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A provider's own tests live in its folder (providers/<id>/), beside its descriptor, adapter, fake and fixtures.
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'providers/**/*.test.ts'],
    environment: 'node',
    // Tests use their own keychain service (test/support/keychain.ts), never a person's "Creditbar" items.
    env: { TZ: 'UTC', CREDITBAR_KEYCHAIN_SERVICE: 'Creditbar-tests' },
    // Code under test speaks English unless a test says otherwise (main and the CLI choose a language at start).
    setupFiles: ['test/support/english.ts'],
    // Two files at a time on two cores: most of a file's time is spent waiting on child processes, Chromium and
    // loopback servers, not computing (Vitest's default leaves one core idle).
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // UI assertions wait on real polls and pushes; a loaded CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 5_000 } },
  },
});

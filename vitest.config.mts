import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

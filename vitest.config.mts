import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    // Node's require of the source's lazily loaded modules (src/ is TypeScript under test).
    setupFiles: ['test/helpers/require-ts.ts'],
    // Builds dist/ when it was made from other sources (a file or case run alone after an edit).
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

// The real-browser suite: builds the extension (`--mode e2e`), then drives it in Debian's
// Chromium. One browser at a time: the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Firefox's half runs on its own (vitest.firefox.config.ts), after this one.
    exclude: ['tests/e2e/firefox/**'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

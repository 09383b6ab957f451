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
    // `expect.poll` waits on a condition for 1 s unless told otherwise: too short for a real browser
    // on a loaded 2-core machine (a side panel took 942 ms to render its story beside two busy
    // processes). Playwright's own waits give 30 s; a poll gets 15 s, as the slow steps here had.
    expect: { poll: { timeout: 15_000 } },
  },
});

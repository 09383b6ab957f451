import { defineConfig } from 'vitest/config';

// The real-browser suite in Firefox: builds the Firefox extension (`--mode e2e -b firefox`),
// then drives it in Debian's firefox-esr, with the Chromium suite's servers and fixtures. Runs
// after the Chromium suite, one browser at a time: the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.test.ts'],
    globalSetup: ['tests/e2e/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `expect.poll` waits on a condition for 1 s unless told otherwise: too short for a real browser
    // on a loaded 2-core machine (a side panel took 942 ms to render its story beside two busy
    // processes). Playwright's own waits give 30 s; a poll gets 15 s, as the slow steps here had.
    expect: { poll: { timeout: 15_000 } },
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { bundledStories } from './build/bundled-stories.ts';

// Unit and wiring tests: lib/ in Node, components in happy-dom, entrypoints with WXT's fake browser.
export default defineConfig({
  // WxtVitest does not carry wxt.config's own Vite plugins over, so the bundled store is added here.
  plugins: [WxtVitest(), bundledStories('data/stories')],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
});

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { bundledStories } from './build/bundled-stories.ts';
import { mangleReadability } from './build/mangle-readability.ts';

// `--mode e2e` is the build the real-browser suite drives: Playwright cannot click the toolbar
// button, so activeTab is never granted there, and the suite's pages live on 127.0.0.1.
const E2E = 'e2e';

export default defineConfig({
  imports: false,
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    short_name: 'Factlen Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: 'https://factlen.com/',
    permissions: ['activeTab', 'scripting', 'storage'],
    host_permissions: mode === E2E ? ['http://127.0.0.1/*'] : [],
    action: { default_title: 'Factlen Lens' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'lens@factlen.com', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: ({ mode }) => ({
    plugins: [preact(), bundledStories(mode === E2E ? 'tests/fixtures/e2e-store' : 'data/stories'), mangleReadability()],
    build: { target: 'es2022' },
  }),
});

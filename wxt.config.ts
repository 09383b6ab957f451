import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { bundledStories } from './build/bundled-stories.ts';
import { mangleReadability } from './build/mangle-readability.ts';
import { storeBuildConfig } from './build/store-config.ts';
import { unlistedEntry } from './build/unlisted-entry.ts';

// `--mode e2e` is the build the real-browser suite drives: Playwright cannot click the toolbar
// button, so activeTab is never granted there, and the suite's pages live on 127.0.0.1 — some of
// them under the name of the site they stand for (tests/e2e/harness.ts SITES maps those names to
// 127.0.0.1), as a canonical URL counts only on the page's own site.
const E2E = 'e2e';
const E2E_SITES = ['fortune.com', 'harborcitydispatch.example'];
// FACTLEN_STORE_URL / FACTLEN_STORE_PUBLIC_KEY: the default remote store and its signing key.
const store = storeBuildConfig(process.env);

// Extension pages and the service worker: our own scripts only, no eval (zod runs jitless), no
// plugins, no remote code; requests only over https (http only to localhost, for a local store).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self'",
  "style-src 'self'",
  'connect-src https: http://localhost:* http://127.0.0.1:*',
].join('; ');

export default defineConfig({
  imports: false,
  // The sources archive Firefox's review needs: the code and how to build it, not test artefacts.
  zip: { excludeSources: ['test-output/**', 'bench-output/**', 'eval-output/**', '**/*.zip'] },
  manifest: ({ browser, mode, manifestVersion, command }) => ({
    name: '__MSG_extName__',
    short_name: 'Factlen Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: 'https://factlen.com/',
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'notifications', 'search'],
    host_permissions: [
      ...(mode === E2E ? ['http://127.0.0.1/*', 'https://127.0.0.1/*', ...E2E_SITES.map((s) => `http://${s}/*`)] : []),
      ...store.hostPermissions,
    ],
    // A store the reader enters in the options page is granted then, for its origin only.
    ...(manifestVersion === 2
      ? { optional_permissions: store.optionalHostPermissions }
      : { optional_host_permissions: store.optionalHostPermissions }),
    action: { default_title: 'Factlen Lens' },
    // `wxt dev` serves pages from its own dev server, which a strict policy would block.
    ...(command === 'build' && { content_security_policy: manifestVersion === 2 ? CSP : { extension_pages: CSP } }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'lens@factlen.com', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: ({ mode }) => ({
    plugins: [
      preact(),
      bundledStories(mode === E2E ? 'tests/fixtures/e2e-store' : 'data/stories'),
      mangleReadability({ textOnlyBuild: true }),
      unlistedEntry(),
    ],
    // lib/story/links.ts: links to 127.0.0.1, where the suite serves its sources, only in its build.
    define: { ...store.define, __LENS_LOOPBACK_LINKS__: JSON.stringify(mode === E2E) },
    // No modulepreload polyfill: it fetch()es chunks, and extension pages need no polyfill.
    build: { target: 'es2022', modulePreload: { polyfill: false } },
  }),
});

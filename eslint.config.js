// ESLint (flat config): typescript-eslint's recommended rules and the layer boundaries the
// house style draws (docs/architecture.md). Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * `no-restricted-imports` that keeps one layer from importing another (and zod unconfigured). A
 * rule's options replace, never add to, those of an earlier block for the same files: each block
 * lists every boundary of its files.
 */
const forbid = (...patterns) => ({ 'no-restricted-imports': ['error', { paths: [ZOD], patterns }] });

const ZOD = { name: 'zod', message: 'Import z from lib/zod.ts, which configures it (jitless) once for every context.' };

const WXT = {
  group: ['wxt', 'wxt/*', '@wxt-dev/*'],
  message: 'lib/ runs in plain Node: browser glue belongs in platform/, handed to the core as arguments.',
};
const ENTRYPOINTS = {
  group: ['**/entrypoints/**', '**/entrypoints'],
  message: 'Only WXT loads entrypoints: move what is shared into lib/, platform/ or components/.',
};
const PLATFORM = {
  group: ['**/platform/**', '**/platform'],
  message: 'lib/ runs in plain Node: it is handed what platform/ provides, never imports it.',
};
const COMPONENTS = { group: ['**/components/**', '**/components'], message: 'lib/ knows no UI.' };
const UI_FROM_PLATFORM = {
  group: COMPONENTS.group,
  message: 'platform/ is the browser glue under the UI: components/ import it, not the other way.',
};
// An entrypoint's files import their own folder ('./x') and the layers two levels up; one level
// up ('../x') is entrypoints/ itself, where every file and folder is another entrypoint. (The
// entrypoint folders are flat: a subfolder's '../' would be its own entrypoint's.)
const OTHER_ENTRYPOINT = {
  regex: '^\\.\\./(?!\\.\\./)',
  message: 'An entrypoint imports its own folder only: move what two entrypoints share into lib/, platform/ or components/.',
};
// entrypoints/extract.ts and auto-read.ts: each of their siblings is an entrypoint of its own.
const SIBLING_ENTRYPOINT = { regex: '^\\./', message: OTHER_ENTRYPOINT.message };
// cli/, bench/, eval/, scripts/ and build/ run in Node over lib/, never over the extension's glue.
const NODE_PROGRAM = {
  group: [...WXT.group, ...ENTRYPOINTS.group, ...PLATFORM.group, ...COMPONENTS.group],
  message: 'A Node program runs over lib/ only: platform/, components/, entrypoints/ and WXT need a browser.',
};

/**
 * Browser globals lib/ may not reach for: it runs in plain Node and takes what it touches as
 * arguments (`doc: Document`, `fetchFn`, a storage). `tests/unit/layers.test.ts` also loads every
 * module of lib/ in Node, which catches only what runs as a module loads; this catches the rest.
 */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'location',
  'navigator',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'indexedDB',
].map((name) => ({ name, message: 'lib/ runs in plain Node: take it as an argument (a Document, a fetch, a storage) instead.' }));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'public/**', 'data/**', 'stats.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Unused names are errors, except the `_`-prefixed ones kept for a signature's shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: the matcher's loops write two updates as one comma statement (`a = 0, b = 0;`), and
      // `ok && use()` is the code's idiom for a conditional call. Turning it on means rewriting
      // those lines, which belongs with the lead's one reformatting pass, not a lint rule.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Dropping a large value before building the next one (bench/match.ts) is the point there.
      'no-useless-assignment': 'off',
    },
  },
  // Tests build malformed and hostile values on purpose, and drive Firefox's untyped `browser`.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['lib/**'],
    rules: { ...forbid(WXT, ENTRYPOINTS, PLATFORM, COMPONENTS), 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  },
  // The code of the two injected scripts (entrypoints/extract.ts, auto-read.ts), which runs in
  // the page and reads the page it runs in; everything else of lib/extract takes a Document.
  { files: ['lib/extract/current-page.ts', 'lib/extract/unseen.ts'], rules: { 'no-restricted-globals': 'off' } },
  { files: ['components/**'], rules: forbid(ENTRYPOINTS) },
  { files: ['platform/**'], rules: forbid(ENTRYPOINTS, UI_FROM_PLATFORM) },
  { files: ['entrypoints/*/**'], rules: forbid(OTHER_ENTRYPOINT) },
  { files: ['entrypoints/*.{ts,tsx}'], rules: forbid(SIBLING_ENTRYPOINT) },
  { files: ['cli/**', 'bench/**', 'eval/**', 'scripts/**', 'build/**'], rules: forbid(NODE_PROGRAM) },
  // The one module that imports zod itself.
  { files: ['lib/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
);

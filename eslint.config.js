// ESLint (flat config): typescript-eslint's recommended rules and the layer boundaries the
// house style draws (docs/architecture.md). Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` patterns that keep one layer from importing another (and zod unconfigured). */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { paths: [ZOD], patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const ZOD = { name: 'zod', message: 'Import z from lib/zod.ts, which configures it (jitless) once for every context.' };

const WXT = [
  ['wxt', 'wxt/*', '@wxt-dev/*'],
  'lib/ runs in plain Node: browser glue belongs in platform/, handed to the core as arguments.',
];
const ENTRYPOINTS = [
  ['**/entrypoints/**', '**/entrypoints'],
  'Only WXT loads entrypoints: move what is shared into lib/, platform/ or components/.',
];
const PLATFORM = [['**/platform/**', '**/platform'], 'lib/ runs in plain Node: it is handed what platform/ provides, never imports it.'];
const COMPONENTS = [['**/components/**', '**/components'], 'lib/ knows no UI.'];

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
  { files: ['lib/**'], rules: forbid(WXT, ENTRYPOINTS, PLATFORM, COMPONENTS) },
  { files: ['components/**', 'platform/**'], rules: forbid(ENTRYPOINTS) },
  { files: ['entrypoints/**'], rules: forbid() },
  // The one module that imports zod itself.
  { files: ['lib/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
);

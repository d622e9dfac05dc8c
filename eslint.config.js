// ESLint 9 flat config: typescript-eslint everywhere, eslint-plugin-office-addins on the
// Office.js code (reads before load/sync, sync in loops, navigational loads, null-object
// tests) and the React hooks rules on the pane's components. `npm test` runs it (`npm run lint`).
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The office-addins rules of the plugin's `recommended` config, at the same severities. */
const officeRecommended = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    // The recommended config also runs prettier as a lint rule: formatting is not a fault the
    // Office add-in rules are here to catch, and this codebase keeps its own style.
    .filter(([rule]) => rule.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'addin/dist/**', 'infra/cdk.out/**', 'coverage/**', '.pokin/**', 'test/e2e/artifacts/**', 'core/nomenklatur/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['addin/office/**/*.ts', 'addin/konsolidasi/**/*.ts', 'addin/auth/**/*.ts', 'addin/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRecommended,
  },
  {
    files: ['addin/ui/**/*.tsx', 'addin/ui/**/*.ts', 'addin/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.mjs', 'cli/bin.mjs', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);

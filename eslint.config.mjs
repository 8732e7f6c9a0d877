// Lint for every workspace: typescript-eslint's recommended rules on all TypeScript, React's hooks rules on
// the mini-program, Node and jest globals where they apply. `npm run lint` runs it; CI runs it before the tests.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'functions/.generated/**', '**/cdk.out/**', '.local-data/**', '.bench/**', 'docs/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['functions/**/*.ts', 'infra/**/*.ts', 'local/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'contract/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests load modules after setting the environment (require) and poke at untyped answers (any).
    files: ['**/test/**/*.{ts,tsx}', 'e2e/**/*.ts', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}', 'miniapp/test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
);

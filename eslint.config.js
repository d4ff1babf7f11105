import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', '.react-router/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { react, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '19' } },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...jsxA11y.configs.strict.rules,
      // Every word a user reads comes from the catalogs (app/i18n/messages): literal text in JSX fails lint.
      'react/jsx-no-literals': ['error', { noStrings: true, allowedStrings: ['·', ' · ', '–', '—', ':'], ignoreProps: true }],
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['main'] }],
    },
  },
  {
    // The core never reaches into the UI or the API (docs/architecture.md#layers-and-data-flow: data flows one way).
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', '**/api/**', '**/server/**'], message: 'core must not import from app, api or server' }] },
      ],
    },
  },
);

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
      // Every word a user reads comes from the catalogs (i18n/messages): literal text in JSX fails lint.
      'react/jsx-no-literals': ['error', { noStrings: true, allowedStrings: ['·', ' · ', '–', '—', ':'], ignoreProps: true }],
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['main'] }],
    },
  },
  // Imports follow the layers (docs/architecture.md#layers-and-data-flow: data flows one way): a page or an
  // API handler → core → db. server/ composes them all and is imported by none; tests may reach anywhere.
  {
    // The core never reaches into the UI or the API.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', '**/api/**', '**/server/**'], message: 'core must not import from app, api or server' }] },
      ],
    },
  },
  {
    // Pages read and change data through core's use-cases only, and never reach the API or the server.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/db/**', '**/api/**', '**/server/**'], message: 'app must not import from db, api or server: go through core' }],
          // Pages ship no JavaScript, so React Router's Link never navigates on the client: it is an <a> that
          // resolves its path against the route matches on every render (1–2 % of a long table's CPU).
          paths: [{ name: 'react-router', importNames: ['Link', 'NavLink'], message: 'pages ship no JavaScript: write <a href> with the full path' }],
        },
      ],
    },
  },
  {
    // API handlers, like pages, go through core.
    files: ['api/**/*.ts'],
    ignores: ['api/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/**', '**/app/**', '**/server/**'], message: 'api must not import from db, app or server: go through core' }] },
      ],
    },
  },
  {
    // The database's runtime (client, schema) is the bottom layer; test data and demo data are not part of it.
    files: ['db/**/*.ts'],
    ignores: ['db/factories/**', 'db/seed/**', 'db/generate/**', 'db/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/factories/**', '**/seed/**', '**/generate/**'], message: 'db must not import its factories, history generator or demo data (only db/seed, tests, bench and scripts do)' },
            { group: ['**/app/**', '**/api/**', '**/server/**', '**/core/**'], message: 'db is the bottom layer: it imports no other layer' },
          ],
        },
      ],
    },
  },
  {
    // The history generator (docs/decisions/020) serves the demo seed and the bench alike: it may use the
    // factories' people names, but not the demo data (the demo is one of its configurations) nor another layer.
    files: ['db/generate/**/*.ts'],
    ignores: ['db/generate/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/seed/**', '**/bench/**'], message: 'the history generator must not import its configurations (db/seed, bench): they import it' },
            { group: ['**/app/**', '**/api/**', '**/server/**', '**/core/**'], message: 'the history generator is part of db: it imports no other layer' },
          ],
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronImport = {
  paths: [
    {
      name: 'electron',
      message:
        'Only electron/main and electron/preload may import electron (DESIGN.md, rules of the house).',
    },
  ],
};

const rendererOnlyThroughApi = {
  group: ['**/electron/services/**', '**/electron/app', '**/db/**', '**/tracker/**'],
  message: 'The renderer reaches the rest only through renderer/src/api.ts.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'renderer/dist',
      'db/migrations',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', electronImport],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'electron/main/**',
      'electron/preload/**',
      'test/unit/electron-main/**',
      'test/e2e/electron-launch*',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [rendererOnlyThroughApi],
        },
      ],
    },
  },
  {
    // Pages use the editor and the mailing model; the other way round would tie them to screens.
    files: ['renderer/src/editor/**/*.{ts,tsx}', 'renderer/src/mailing/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            rendererOnlyThroughApi,
            {
              group: ['**/pages/**'],
              message: 'The editor and renderer/src/mailing never import from pages/.',
            },
          ],
        },
      ],
    },
  },
);

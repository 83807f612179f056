import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'bench/.out/**',
      '**/*.d.ts',
      '**/mockServiceWorker.js',
      '.vitest-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name="only"][callee.object.name=/^(it|test|describe)$/]',
          message: 'No focused tests.',
        },
        {
          selector:
            'CallExpression[callee.property.name="skip"][callee.object.name=/^(it|test|describe)$/]',
          message: 'No skipped tests.',
        },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'packages/hooks/**/*.ts', 'packages/ui/**/*.ts', 'apps/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                '@natter/hooks',
                '@natter/ui',
              ],
              message: '@natter/core must not depend on React or on packages above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(\\.\\./)?packages/|^(\\.\\./){2,}(core|hooks|ui|dev-server)/src',
              message: 'Import workspace packages by name, not by deep relative path.',
            },
          ],
        },
      ],
    },
    ignores: ['packages/core/**'],
  },
);

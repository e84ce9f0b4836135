import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      '.wxt/**',
      'node_modules/**',
      'tests/fixtures/**',
      'test-results/**',
      'web-ext-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Never render text as HTML.' },
        {
          selector: "MemberExpression[property.name='innerText']",
          message: 'innerText forces layout; use textContent.',
        },
      ],
    },
  },
  {
    // One owner of data (STYLE.md 2): pages and components read and write the journal through utils/db/journal.ts only.
    files: ['entrypoints/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only utils/db uses Dexie: call the Journal methods.' }],
          patterns: [
            {
              group: ['**/utils/db/database'],
              message: 'Only utils/db uses the tables: call the Journal methods.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Never render text as HTML.' },
        {
          selector: "MemberExpression[property.name='innerText']",
          message: 'innerText forces layout; use textContent.',
        },
        {
          selector: "MemberExpression[object.name='Journal'][property.name='tables']",
          message: 'Pages read through the Journal methods, never its tables.',
        },
      ],
    },
  },
  {
    // Benchmark marks go through utils/perf.ts (typed names the bench and e2e wait for), never scattered.
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    ignores: ['utils/perf.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'performance', property: 'mark', message: "Use mark() from '@/utils/perf'." },
        { object: 'performance', property: 'measure', message: "Use timer() from '@/utils/perf'." },
      ],
    },
  },
  {
    // Node scripts whose callbacks also run inside pages (page.evaluate), so both sets of globals apply.
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

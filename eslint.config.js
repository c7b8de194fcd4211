// Runs in Node: ESLint flat config. Keeps src/core pure and promises awaited.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'bench/.tmp/', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test() returns a promise the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'it'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path'].map((name) => ({
            name,
            message: 'src/core is pure: host capabilities come in through EngineHost (see STYLE.md rule 1).',
          })),
          patterns: [{ group: ['node:*'], message: 'src/core runs in the browser too: no Node built-ins.' }],
        },
      ],
      // No DOM, no Node globals, and no writes to (or reads of) the global object: the core has no ambient state.
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'self', 'globalThis', 'global', 'process', 'require', 'Buffer'],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.type!="Literal"]',
          message: 'src/core loads no module chosen at run time: a dynamic import() must name its module literally.',
        },
        {
          selector: 'ImportExpression[source.value=/^(node\\u003A|(fs|path|os|child_process|worker_threads|module|vm|crypto|url|util|http|https|net)($|\\/))/]',
          message: 'src/core runs in the browser too: no dynamic import() of Node built-ins.',
        },
      ],
    },
  },
);

// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The studio's own lint (`npm run studio:lint`, after `npm run studio:setup`): the root's
 * type-checked rules over studio/src, typed by studio/tsconfig.json. The root lint skips studio/
 * because a fresh clone has no studio/node_modules (three's types) to type it with.
 */
export default tseslint.config(
  { ignores: ['node_modules', 'out', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Scripts are data made from a seed: a set renders the same every time.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use scene/random.ts (seeded).' },
      ],
    },
  },
);

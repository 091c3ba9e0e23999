// ESLint with typescript-eslint's type-checked rules.
// Why `strictTypeChecked`: the package promises that a missing figure never turns into 0 and that
// bad input gets a clear error; the strict set catches the conditions and conversions where that
// goes wrong (unnecessary or always-true checks, `any` leaking from parsed data, template
// literals of non-strings, floating promises), which `recommendedTypeChecked` lets through.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'src/data/generated/',
      'examples/gallery/',
      'coverage/',
      // written by npm run bundle
      'bundle/',
      'examples/browser/bundle.js',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsconfig's noUncheckedIndexedAccess types every indexed read as `T | undefined`; a `!` after
      // an index the loop has bounds-checked is the idiom, and the alternative is a dead branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Messages and labels print counts: numbers in template literals are intended.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Public functions check their arguments at run time for JavaScript callers, for whom the
      // declared types do not hold (null options, a string for a table); these two rules call
      // exactly those checks unnecessary.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-useless-default-assignment': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON and child processes' output, typed `any` on purpose, and hand the package
      // values of the wrong type to check its errors: the no-unsafe rules would flag every such line.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // It misreads literals typed by their context in fast-check arbitraries: removing the
      // `as Qualifier` it calls unnecessary breaks the typecheck.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Prettier wraps code but not comments, template literals or long strings: this keeps those
    // within its width too. Core `max-len` is deprecated but ships until ESLint 11 (no plugin).
    files: ['src/**/*.{ts,mjs}'],
    rules: {
      'max-len': [
        'error',
        {
          // Prettier's printWidth (.prettierrc).
          code: 100,
          // A URL is one token: breaking it would make it unusable.
          ignoreUrls: true,
          // A regular expression literal cannot be split without rewriting it from strings.
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
);

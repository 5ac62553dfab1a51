// Lint rules of the house (docs/architecture.md). Type-aware: they see what TypeScript sees.
import tseslint from 'typescript-eslint';

const noRequestCasts = {
  selector: "TSAsExpression[expression.type='MemberExpression'][expression.object.name='req'][expression.property.name=/^(query|body|params)$/]",
  message: 'Request data is read through route schemas or platform/http/request-values.ts, never cast.',
};

const oneDataTable = {
  selector: "JSXOpeningElement[name.name='table']",
  message: 'Tables are built with DataTable (platform/views/data-table.tsx), the one data-table component.',
};

export default tseslint.config(
  { ignores: ['node_modules/', '.tmp/', 'data/', 'dist/', 'public/', 'standards/', 'bench/results/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises must be awaited or handled: a forgotten one loses an error or a write.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Fastify handlers are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/http/request-values.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-syntax': ['error', noRequestCasts, oneDataTable] },
  },
  {
    // In a module, SQL lives in repositories (and in demo data); services keep rules and transactions.
    files: ['src/modules/**/*.ts', 'src/modules/**/*.tsx'],
    ignores: [
      '**/*.repository.ts',
      '**/*.seed.ts',
      '**/seed/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.pages.tsx',
      '**/*-pages.tsx',
      '**/*.api.ts',
      '**/views/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        noRequestCasts,
        oneDataTable,
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|with)$/]',
          message: 'SQL lives in a *.repository.ts (see docs/architecture.md).',
        },
        { selector: 'TaggedTemplateExpression[tag.name="sql"]', message: 'SQL lives in a *.repository.ts (see docs/architecture.md).' },
      ],
    },
  },
  {
    // Pages, API routes and views never touch the database: queries live in repositories, called through services.
    files: ['src/**/*.pages.tsx', 'src/**/*-pages.tsx', 'src/**/*.api.ts', 'src/**/views/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noRequestCasts,
        oneDataTable,
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|transaction)$/]',
          message: 'Pages, API routes and views leave SQL to a repository (see docs/architecture.md).',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', message: 'Pages, API routes and views leave SQL to a repository.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Tests and benches read JSON answers as they come (`res.json()` is any): checking their shape is the assertion's job.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  // The one place that writes <table>.
  { files: ['src/platform/views/data-table.tsx'], rules: { 'no-restricted-syntax': ['error', noRequestCasts] } },
  { files: ['**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);

/**
 * The boundaries of the house (docs/architecture.md), checked in CI by `npm run check:boundaries`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle ties modules together so that neither can change alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-stays-below-modules',
      comment: 'The platform serves every module and knows none of them, nor the composition root.',
      severity: 'error',
      from: { path: '^src/(platform|db)/' },
      to: { path: '^src/(modules/|app\\.tsx?$|boot\\.ts$|server\\.ts$|worker\\.ts$)' },
    },
    {
      name: 'migrations-are-frozen',
      comment: 'A migration that imports live code changes when that code changes; migrations copy what they need.',
      severity: 'error',
      from: { path: '^src/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/db/migrations/' },
    },
    {
      name: 'modules-meet-through-their-index',
      comment: 'A module reaches another only through what that module exports from its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'pages-and-views-leave-sql-to-repositories',
      comment: 'Pages and views never touch the database: queries live in *.repository.ts, called through services.',
      severity: 'error',
      from: { path: '(\\.pages\\.tsx?|/views/.+\\.tsx?)$', pathNot: '\\.test\\.tsx?$' },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-does-not-reach-into-tests',
      comment: 'Test support lives under test/; the product never imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^test/' },
    },
    {
      name: 'product-code-uses-no-dev-dependencies',
      comment: 'What runs in production may not rely on a package that `npm ci --omit=dev` leaves out.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^(\\.tmp|data)/' },
  },
};

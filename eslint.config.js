// @ts-check
const { readdirSync } = require('node:fs');
const path = require('node:path');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** The server's code, where the layers apply (examples/ are clients, test/ and bench/ drive them). */
const serverCode = ['gateway/**/*.ts', 'runtime/**/*.ts', 'subgraphs/**/*.ts', 'stack/**/*.ts'];

/**
 * Where SQL may run besides `*.store.ts`: the database adapters, the migrations runner, the outbox
 * internals every subgraph shares (append, read, cursors, the live feed) and tests, which arrange
 * and inspect rows directly.
 */
const sqlOutsideStores = [
  '**/*.store.ts',
  'runtime/database/**',
  'runtime/migrations/**',
  'runtime/events/outbox.ts',
  'runtime/events/consumerCursor.ts',
  'runtime/events/eventFeed.ts',
  '**/*.test.ts',
];

/** Every subgraph's folder name, read from the tree so a new subgraph is covered as it lands. */
function subgraphNames() {
  return readdirSync(path.join(__dirname, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/**
 * The layering of issue 24, kept by lint (docs/internals/architecture.md, "Layers"): resolvers call
 * services, services call stores, only stores run SQL; rules are pure; runtime/ knows no loyalty;
 * a subgraph reaches another only through that subgraph's contract/. Each block below keeps one of
 * these. ESLint replaces (does not merge) a rule's options when several blocks match a file, so a
 * file matching two import rules gets a block with both.
 */
function layering() {
  // Stores only: SQL is run by `*.store.ts`, never by a service, job or resolver.
  const sql = [
    {
      selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
      message: 'Layers: SQL runs only in a *.store.ts (move this statement into the store beside this file).',
    },
    {
      selector:
        "CallExpression[callee.type='MemberExpression'][callee.property.name='exec']:not([callee.object.regex])",
      message: 'Layers: SQL runs only in a *.store.ts (move this statement into the store beside this file).',
    },
  ];
  // Resolvers stay thin: the service owns the transaction and the outbox event.
  const resolver = [
    {
      selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
      message: 'Layers: a resolver opens no transaction; call a service that does.',
    },
    {
      selector: "CallExpression[callee.name='appendEvent']",
      message: 'Layers: a resolver appends no outbox event; the service writes it with its change.',
    },
  ];
  // runtime/ holds generic mechanisms only: nothing of the gateway or of a subgraph.
  const runtime = {
    regex: '(^|/)(gateway|subgraphs)(/|$)',
    message: 'Layers: runtime/ imports nothing from gateway/ or subgraphs/ (it knows no loyalty).',
  };
  // Rules are pure functions: no database, no GraphQL, no store.
  const rules = [
    {
      regex: '(^|/)runtime/database(/|$)|^pg$|^@electric-sql/',
      message: 'Layers: a *.rules.ts imports no database (rules are pure; a service passes them the data).',
    },
    {
      regex: '^(graphql|graphql-scalars|graphql-tag|type-graphql|@apollo/.*)$',
      message: 'Layers: a *.rules.ts imports no GraphQL or type-graphql (types live in *.type.ts).',
    },
    {
      regex: '\\.store$',
      message: 'Layers: a *.rules.ts imports no store (declare the shapes it needs in the rules file).',
    },
  ];
  // Subgraphs meet through contracts: subgraphs/A imports from subgraphs/B only its contract/.
  const contractsOnly = (own, others) =>
    others.length === 0
      ? []
      : [
          {
            regex: `(^|/)(${others.join('|')})/(?!contract/)`,
            message: `Layers: subgraphs/${own} reaches another subgraph only through its contract/ (subgraphs/<other>/contract/...).`,
          },
        ];
  const restrictImports = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

  const subgraphs = subgraphNames();
  return [
    {
      files: serverCode,
      ignores: sqlOutsideStores,
      rules: { 'no-restricted-syntax': ['error', ...sql] },
    },
    {
      files: ['**/*.resolver.ts'],
      rules: { 'no-restricted-syntax': ['error', ...sql, ...resolver] },
    },
    { files: ['runtime/**/*.ts'], rules: restrictImports([runtime]) },
    { files: ['runtime/**/*.rules.ts'], rules: restrictImports([runtime, ...rules]) },
    { files: ['gateway/**/*.rules.ts', 'stack/**/*.rules.ts'], rules: restrictImports(rules) },
    ...subgraphs.flatMap((own) => {
      const others = contractsOnly(
        own,
        subgraphs.filter((name) => name !== own),
      );
      return [
        { files: [`subgraphs/${own}/**/*.ts`], rules: restrictImports(others) },
        { files: [`subgraphs/${own}/**/*.rules.ts`], rules: restrictImports([...others, ...rules]) },
      ];
    }),
  ];
}

module.exports = tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'examples/sdk/',
      'apps/console/sdk/',
      'apps/wallet/sdk/',
      'apps/pos/sdk/',
      'bench/peers/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Decorator metadata makes classes in decorated signatures runtime values, not just types.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  ...layering(),
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

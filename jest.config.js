// Tests run on the tsc output in dist/ (type-graphql needs tsc's decorator metadata); `npm test`
// builds first. Cross-service tests in test/ run once per database: on embedded PGlite always, and
// on the PostgreSQL server when DATABASE_URL is set. Pure unit tests beside the code run once.
const integration = (database) => ({
  displayName: database,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/dist/test/**/*.test.js'],
  // test/postgresOnly/ restarts a PostgreSQL server of its own: the postgres project runs it.
  testPathIgnorePatterns: ['/node_modules/', ...(database === 'postgres' ? [] : ['<rootDir>/dist/test/postgresOnly/'])],
  globals: { LOYALTY_TEST_DATABASE: database },
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/dist/**/*.test.js'],
      testPathIgnorePatterns: ['<rootDir>/dist/test/', '/node_modules/'],
    },
    integration('pglite'),
    ...(process.env.DATABASE_URL ? [integration('postgres')] : []),
  ],
};

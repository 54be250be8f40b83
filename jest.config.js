/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // A throwaway PostgreSQL server for the store's tests, when one can be started (see the file).
  globalSetup: '<rootDir>/test/setup/postgres.js',
  globalTeardown: '<rootDir>/test/setup/postgres-teardown.js',
};

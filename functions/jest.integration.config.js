module.exports = {
  ...require('./jest.shared'),
  displayName: 'integration',
  testEnvironment: '<rootDir>/test/support/dynamodb-environment.ts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/fresh-table.ts'],
};

module.exports = {
  ...require('./jest.shared'),
  displayName: 'reliability',
  testEnvironment: '<rootDir>/test/support/dynamodb-environment.ts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
  globalSetup: '<rootDir>/test/reliability/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/fresh-table.ts', '<rootDir>/test/reliability/setup.ts'],
};

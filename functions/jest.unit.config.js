module.exports = {
  ...require('./jest.shared'),
  displayName: 'unit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
};

/**
 * Browser tests: headless Chromium against the H5 build served by the local stack (`npm run test:e2e`
 * builds H5 first). Each test file starts its own stack on free ports with an in-memory database.
 * The functions' transform is reused because the stack runs their handlers in this process.
 */
module.exports = {
  ...require('../functions/jest.shared'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/timeout.ts'],
  slowTestThreshold: 30,
};

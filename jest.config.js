/**
 * One jest run, several projects. `npm test` selects contract, unit, integration, reliability, infra and miniapp;
 * `npm run test:e2e` selects the browser suite (it needs Chromium and the H5 build).
 */
module.exports = {
  // A safety net against a hang, not a speed check: a slow machine must not turn a slow test into a failure.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/functions/test/reliability/reporter.js'],
  projects: [
    '<rootDir>/contract/jest.config.js',
    '<rootDir>/functions/jest.unit.config.js',
    '<rootDir>/functions/jest.integration.config.js',
    '<rootDir>/functions/jest.reliability.config.js',
    '<rootDir>/infra/jest.config.js',
    '<rootDir>/miniapp/jest.config.js',
    '<rootDir>/miniapp/jest.weapp.config.js',
    '<rootDir>/e2e/jest.config.js',
  ],
};

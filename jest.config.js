/**
 * One jest run, several projects. `npm test` selects contract, unit, integration, reliability, infra and miniapp;
 * `npm run test:e2e` selects the browser suite (it needs Chromium and the H5 build).
 */
const { availableParallelism } = require('node:os');

module.exports = {
  // The suites wait on DynamoDB Local far more than they compute: two workers even on a two-core machine, where
  // jest's default is one, in band (every suite of `npm test` ran in 5.6 minutes so); at most four, as each file that
  // runs the stream consumers starts an emulator (a JVM) of its own.
  maxWorkers: Math.min(4, Math.max(2, availableParallelism() - 1)),
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

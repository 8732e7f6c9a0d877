/**
 * One jest run, several projects. `npm test` selects unit, integration, infra and miniapp;
 * `npm run test:e2e` selects the browser suite (it needs Chromium and the H5 build).
 */
module.exports = {
  projects: [
    '<rootDir>/functions/jest.unit.config.js',
    '<rootDir>/functions/jest.integration.config.js',
    '<rootDir>/infra/jest.config.js',
    '<rootDir>/miniapp/jest.config.js',
    '<rootDir>/e2e/jest.config.js',
  ],
};

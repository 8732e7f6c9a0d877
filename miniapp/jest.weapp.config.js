const path = require('path');

/**
 * The compiled WeChat pages (dist/weapp) rendered with WeChat's own test kit, miniprogram-simulate:
 * its `wcc` compiler turns the real WXML into DOM under jsdom. Only TypeScript (the test and its
 * fixtures) is compiled; the built bundle is plain JavaScript and runs exactly as it was emitted.
 */
module.exports = {
  displayName: 'miniapp-weapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp-render*.test.ts'],
  transform: {
    '^.+\\.ts$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  // Tells the tests they run in this project (the component-test project leaves them out, and they skip if run there).
  globals: { WEAPP_RENDER: true },
  // The suite compiles the weapp bundle first (seconds with the build cache, ~30 s cold).
  testTimeout: 20000,
};

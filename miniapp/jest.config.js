const path = require('path');

/**
 * Component tests render the real H5 components of Taro in jsdom; `@tarojs/taro` is replaced by a
 * shim (test/taro-shim.ts) whose request and navigation are jest mocks. The weapp smoke test
 * (test/weapp-smoke.test.ts) runs in plain Node against the compiled mini-program.
 */
const esmPackages = [
  '@tarojs',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'history',
  'tslib',
  'nanoid',
  'style-inject',
  '\\.pnpm',
  // TypeScript source shared with the functions (a workspace link; compiled like the app's own files).
  '@yilin/contract',
];

module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
  // The rendered weapp pages have a project of their own (jest.weapp.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/test/weapp-render[^/]*\\.test\\.ts$'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro-shim.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.css$': '<rootDir>/test/style-stub.js',
  },
  // Build-time switches Taro's runtime expects webpack to have replaced.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
    SUPPORT_DINGTALK_NAVIGATE: 'disabled',
    SUPPORT_TARO_POLYFILL: 'disabled',
  },
  setupFiles: ['<rootDir>/test/env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // The smoke test compiles the weapp bundle first (seconds with the build cache, ~30 s cold).
  testTimeout: 20000,
};

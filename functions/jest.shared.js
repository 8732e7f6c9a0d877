/** Shared transform for the functions projects: swc compiles TypeScript and the ESM-only packages. */
const esmPackages = ['@middy', 'jose', 'ulid', 'zod'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@middy/([a-z-]+)$': '<rootDir>/../node_modules/@middy/$1/index.js',
  },
};

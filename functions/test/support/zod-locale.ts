/**
 * lib/validation imports `zod/v4/locales/zh-CN.js`, which resolves to zod's ESM build even under
 * `require`; jest's CommonJS transform cannot load it (the bundler and tsx can). Until the import
 * names a CommonJS-resolvable entry (`import { zhCN } from 'zod/locales'`), tests serve the CommonJS
 * build of the same locale in its place. Import this before anything that loads lib/validation.
 */
jest.mock('zod/v4/locales/zh-CN.js', () => jest.requireActual('zod/v4/locales/zh-CN.cjs'));

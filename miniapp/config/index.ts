import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

/**
 * Where the API lives. H5 is served next to the API (the local static server proxies `/api`).
 * WeChat only calls whitelisted, ICP-filed HTTPS domains, so a real weapp build sets
 * `TARO_APP_API_BASE=https://<your-api-domain>` (environment or `.env.production`); the placeholder
 * below is deliberately unreachable so a forgotten setting fails loudly instead of calling a stranger.
 */
const apiBase = process.env.TARO_APP_API_BASE || (platform === 'h5' ? '/api' : 'https://api.yilin.invalid')

/** The contract shared with the functions is TypeScript outside `src`: Babel compiles it like the app's own code. */
const compile = { include: [path.resolve(__dirname, '../../contract/src')] }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yilin',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile,
      postcss: {
        // Sizes are written in rem (text follows the reader's font setting) and in CSS px for tap
        // targets; neither may be rescaled to the screen width, so px is not turned into rpx.
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        // Same reason as for weapp: rem must stay relative to the browser's own font size.
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

// Taro's React runtime ships without typings; the tests use a handful of its exports.
declare module '@tarojs/plugin-framework-react/dist/runtime'

// Component tests run in jsdom; the weapp smoke test runs in plain Node and needs none of this.
if (typeof window !== 'undefined') {
  const React = require('react')
  const ReactDOM = require('react-dom')
  const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime')
  const { cleanup } = require('@testing-library/react')
  const Taro = require('@tarojs/taro').default
  const { setRouterParams } = require('./taro-shim')

  // Taro's H5 hooks read React through this; without it they throw "React.useContext is not a function".
  createH5NativeComponentConfig(null, React, ReactDOM)

  afterEach(() => {
    cleanup()
    jest.clearAllMocks()
    localStorage.clear()
    setRouterParams({})
    Taro.getCurrentPages.mockReturnValue([])
  })
}

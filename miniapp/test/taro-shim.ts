/**
 * `@tarojs/taro` for component tests: the H5 implementation, with the network and page navigation
 * replaced by jest mocks, and the page hooks driven the way a first page show drives them.
 */
import { useEffect } from 'react'
import type TaroStatic from '@tarojs/taro'
import * as taroH5 from '@tarojs/taro-h5'
import * as reactRuntime from '@tarojs/plugin-framework-react/dist/runtime'

let routerParams: Record<string, string> = {}

/** Sets the query parameters the next rendered page sees through `useRouter()`. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

const Taro = {
  // The H5 package exports its APIs by name; the built app sees them all on the default object.
  ...(taroH5.default as object),
  ...taroH5,
  request: jest.fn(),
  login: jest.fn(),
  navigateTo: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  getCurrentPages: jest.fn(() => []),
} as unknown as typeof TaroStatic

export default Taro

export const {
  useLaunch,
  useLoad,
  useReady,
  useUnload,
  useDidHide,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  useShareAppMessage,
} = reactRuntime as Record<string, (...args: unknown[]) => void>

/** In isolation a page is shown once, when it mounts. */
export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), [])
}

export function useRouter() {
  return { params: routerParams, path: '' }
}

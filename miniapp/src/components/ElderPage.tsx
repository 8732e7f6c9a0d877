import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { PageMeta, View } from '@tarojs/components'
import { PrivacyPrompt } from './PrivacyPrompt'

/** `getAppBaseInfo` reports WeChat's font setting; Taro's typings do not list these two fields. */
type AppBaseInfo = Taro.getAppBaseInfo.Result & { fontSizeSetting?: number; fontSizeScaleFactor?: number }

/**
 * WeChat lets people enlarge text in its settings; the pages size text in rem, so the page root font
 * follows that setting (never below the standard 16px, so body text stays at least 18px).
 * `fontSizeSetting` is WeChat's font size in px; older clients give only the scale factor.
 * In a browser rem already follows the browser's own font setting.
 * The page config must set `enablePageMeta: true`, or the compiled page has no `<page-meta>`.
 */
function rootFontSize(): string {
  try {
    return `${Math.max(16, wechatFontSize() || 16)}px`
  } catch {
    return '16px'
  }
}

function wechatFontSize(): number | undefined {
  // WeChat before base library 2.20.1 has no getAppBaseInfo: there the deprecated API is all there is.
  const info = typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as AppBaseInfo | undefined) : undefined
  if (info) return info.fontSizeSetting || (info.fontSizeScaleFactor ? Math.round(16 * info.fontSizeScaleFactor) : undefined)
  return Taro.getSystemInfoSync().fontSizeSetting
}

interface Props {
  /** Worker and admin pages carry more on one screen; elder and family pages use the large layout. */
  dense?: boolean
}

export function ElderPage({ dense = false, children }: PropsWithChildren<Props>) {
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && <PageMeta rootFontSize={rootFontSize()} />}
      <View className={dense ? 'page page--dense' : 'page'}>{children}</View>
      {process.env.TARO_ENV === 'weapp' && <PrivacyPrompt />}
    </>
  )
}

import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { PageMeta, View } from '@tarojs/components'

/**
 * WeChat lets people enlarge text in its settings; the pages size text in rem, so the page root font
 * follows that setting (never below the standard 16px, so body text stays at least 18px).
 * In a browser rem already follows the browser's own font setting.
 */
function rootFontSize(): string {
  try {
    const { fontSizeSetting } = Taro.getSystemInfoSync()
    return `${Math.max(16, fontSizeSetting || 16)}px`
  } catch {
    return '16px'
  }
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
    </>
  )
}

import { View } from '@tarojs/components'

export function Loading() {
  return <View className='loading'>正在加载，请稍等…</View>
}

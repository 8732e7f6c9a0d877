import { View } from '@tarojs/components'
import { spacedCode } from '../lib/format'

/** The code the elder was told to expect, huge: read out at the door so the elder knows who is there. */
export function DoorCode({ code, testId }: { code: string; testId: string }) {
  return (
    <View className='door-code' data-testid={testId}>
      <View className='door-code__rule'>到门口请说出开门暗号</View>
      <View className='binding-code__digits' data-testid={`${testId}-digits`}>
        {spacedCode(code)}
      </View>
    </View>
  )
}

import { View } from '@tarojs/components'

/**
 * ★ 党员 beside a volunteer's name, where the wall and the thank-you mark party members (党员带头认领): a
 * star and the word in a box, so the colour only repeats what they say.
 */
export function PartyBadge({ testId }: { testId?: string }) {
  return (
    <View className='status status--ok status--beside' data-testid={testId}>
      ★ 党员
    </View>
  )
}

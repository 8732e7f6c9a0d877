import { View } from '@tarojs/components'
import { formatDateTime, spacedCode } from '../lib/format'

interface Props {
  code: string
  expiresAt: string
  /** What the code is for and how long it lasts, in bold under the digits. */
  rule: string
  /** Test ids: `${testId}` for the digits, `${testId}-rule` and `${testId}-expiry`. */
  testId: string
}

/** A one-time code: six digits, huge and spaced, to read out or show across a table. */
export function OneTimeCode({ code, expiresAt, rule, testId }: Props) {
  return (
    <View className='binding-code'>
      <View className='binding-code__digits' data-testid={testId}>
        {spacedCode(code)}
      </View>
      <View className='binding-code__rule' data-testid={`${testId}-rule`}>
        {rule}
      </View>
      <View className='hint' data-testid={`${testId}-expiry`}>
        有效期到 {formatDateTime(expiresAt)}
      </View>
    </View>
  )
}

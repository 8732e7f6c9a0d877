import { View } from '@tarojs/components'

interface Props {
  kind: 'error' | 'success' | 'info'
  message: string
  testId?: string
}

const symbols = { error: '⚠ ', success: '✓ ', info: '' }

/** A message that stays on the page next to what it is about (no toasts that vanish before they are read). */
export function Notice({ kind, message, testId }: Props) {
  return (
    <View className={`notice notice--${kind}`} data-testid={testId}>
      {symbols[kind]}
      {message}
    </View>
  )
}

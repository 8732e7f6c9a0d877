import type { ReactNode } from 'react'
import { View } from '@tarojs/components'

interface Props {
  label: string
  testId?: string
  children: ReactNode
}

/** A label above its value; both wrap, nothing is cut off. */
export function Field({ label, testId, children }: Props) {
  return (
    <View className='field' data-testid={testId}>
      <View className='field__label'>{label}</View>
      <View className='field__value'>{children}</View>
    </View>
  )
}

import { View } from '@tarojs/components'
import { Tap } from './Tap'

interface Props {
  /** What is about to happen, naming the person it happens to. */
  question: string
  yes: string
  busy: boolean
  onYes: () => void
  onNo: () => void
  /** Test ids: `<testId>`, `<testId>-yes`, `<testId>-no`. */
  testId: string
}

/** An action that cannot be taken back asks again on the page (no pop-up), one slip of the thumb being enough. */
export function ConfirmStep({ question, yes, busy, onYes, onNo, testId }: Props) {
  return (
    <View className='notice notice--error' data-testid={testId}>
      <View>{question}</View>
      <Tap className='btn btn--danger' testId={`${testId}-yes`} onTap={onYes}>
        {busy ? '请稍候…' : yes}
      </Tap>
      <Tap className='btn btn--secondary' testId={`${testId}-no`} onTap={onNo}>
        不是，返回
      </Tap>
    </View>
  )
}

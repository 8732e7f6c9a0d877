import { View } from '@tarojs/components'
import { addMonths, monthText, thisMonth } from '../lib/months'
import { Tap } from './Tap'

interface Props {
  month: string
  onChange: (month: string) => void
  /** Test ids: `<testId>-prev`, `<testId>-next` and `<testId>` for the month in words. */
  testId: string
}

/** 上个月 · the month · 下个月, never past the current month (there are no figures yet). */
export function MonthStepper({ month, onChange, testId }: Props) {
  return (
    <View className='choices month-stepper'>
      <Tap className='choice' testId={`${testId}-prev`} onTap={() => onChange(addMonths(month, -1))}>
        ‹ 上个月
      </Tap>
      <View className='month-stepper__month' data-testid={testId}>
        {monthText(month)}
      </View>
      {month < thisMonth() && (
        <Tap className='choice' testId={`${testId}-next`} onTap={() => onChange(addMonths(month, 1))}>
          下个月 ›
        </Tap>
      )}
    </View>
  )
}

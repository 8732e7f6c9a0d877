import { View } from '@tarojs/components'
import { weekdayShortName } from '../lib/canteen'
import { addDays, chinaToday, formatMonthDay, weekdayOf } from '../lib/format'
import { Tap } from './Tap'

/** A day to choose, with what it holds when that is not simply things to book (已订, 不能订, 约满). */
export interface DayTab {
  date: string
  note: string
}

/** "今天", "明天", else the weekday: "周三". */
function dayName(date: string, today: string): string {
  if (date === today) return '今天'
  if (date === addDays(today, 1)) return '明天'
  return weekdayShortName(weekdayOf(date))
}

interface Props {
  days: DayTab[]
  chosen: string
  onChoose: (date: string) => void
  /** Test ids are `<testId>-<date>`. */
  testId: string
  /** For screen readers: what the day is chosen for. */
  label: string
}

/** Days as big tabs (the canteen's menus, a service's visit days); the chosen one is marked ✓ and framed, not only coloured. */
export function DayTabs({ days, chosen, onChoose, testId, label }: Props) {
  const today = chinaToday()
  return (
    <View className='choices day-tabs' role='radiogroup' aria-label={label}>
      {days.map((day, index) => {
        const on = day.date === chosen
        // The month on the first tab and where a month begins; elsewhere the day alone, so a tab never wraps mid-date.
        const newMonth = index === 0 || day.date.slice(0, 7) !== days[index - 1].date.slice(0, 7)
        return (
          <Tap
            key={day.date}
            className={on ? 'choice day-tab choice--on' : 'choice day-tab'}
            testId={`${testId}-${day.date}`}
            role='radio'
            checked={on}
            onTap={() => onChoose(day.date)}
          >
            <View className='day-tab__name'>
              {on ? '✓ ' : ''}
              {dayName(day.date, today)}
            </View>
            <View className='day-tab__date'>{newMonth ? formatMonthDay(day.date) : `${Number(day.date.slice(8))}日`}</View>
            {day.note && <View className='day-tab__note'>{day.note}</View>}
          </Tap>
        )
      })}
    </View>
  )
}

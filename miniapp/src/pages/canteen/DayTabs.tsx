import { View } from '@tarojs/components'
import type { ElderMenusResponse } from '@yilin/contract'
import { Tap } from '../../components/Tap'
import { weekdayShortName } from '../../lib/canteen'
import { addDays, chinaToday, formatMonthDay, weekdayOf } from '../../lib/format'

export type MenuDay = ElderMenusResponse['days'][number]

/** The day a person opens the menu on: that of the first meal still open, else the first day with menus. */
export function openingDay(days: MenuDay[]): string | undefined {
  return (days.find((day) => day.meals.some((offer) => offer.orderable)) ?? days[0])?.date
}

/** "今天", "明天", else the weekday: "周三". */
function dayName(date: string, today: string): string {
  if (date === today) return '今天'
  if (date === addDays(today, 1)) return '明天'
  return weekdayShortName(weekdayOf(date))
}

/** What a day holds for the elder, when it is not simply meals to order: 已订, or nothing left to order. */
function dayNote(day: MenuDay): string {
  if (day.meals.some((offer) => offer.order)) return '已订'
  if (!day.meals.some((offer) => offer.orderable)) return '不能订'
  return ''
}

interface Props {
  days: MenuDay[]
  chosen: string
  onChoose: (date: string) => void
}

/** The days that have menus, as big tabs; the chosen one is marked ✓ and framed, not only coloured. */
export function DayTabs({ days, chosen, onChoose }: Props) {
  const today = chinaToday()
  return (
    <View className='choices day-tabs' role='radiogroup' aria-label='看哪一天的菜单'>
      {days.map((day) => {
        const on = day.date === chosen
        const note = dayNote(day)
        return (
          <Tap
            key={day.date}
            className={on ? 'choice day-tab choice--on' : 'choice day-tab'}
            testId={`canteen-day-${day.date}`}
            role='radio'
            checked={on}
            onTap={() => onChoose(day.date)}
          >
            <View className='day-tab__name'>
              {on ? '✓ ' : ''}
              {dayName(day.date, today)}
            </View>
            <View className='day-tab__date'>{formatMonthDay(day.date)}</View>
            {note && <View className='day-tab__note'>{note}</View>}
          </Tap>
        )
      })}
    </View>
  )
}

import type { ElderMenusResponse } from '@yilin/contract'
import { DayTabs as Tabs } from '../../components/DayTabs'

export type MenuDay = ElderMenusResponse['days'][number]

/** The day a person opens the menu on: that of the first meal still open, else the first day with menus. */
export function openingDay(days: MenuDay[]): string | undefined {
  return (days.find((day) => day.meals.some((offer) => offer.orderable)) ?? days[0])?.date
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

/** The days that have menus, each with what it holds. */
export function DayTabs({ days, chosen, onChoose }: Props) {
  const tabs = days.map((day) => ({ date: day.date, note: dayNote(day) }))
  return <Tabs days={tabs} chosen={chosen} onChoose={onChoose} testId='canteen-day' label='看哪一天的菜单' />
}

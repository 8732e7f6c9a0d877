import { dishKinds, dishTags, mealNames, meals, type Fulfilment, type Meal, type OrderStatus } from '@yilin/contract'
import { addDays, chinaToday, formatMonthDay } from './format'

/**
 * Canteen words for people: meals, dishes, fulfilment, statuses (always with a mark, never colour alone).
 * The names of the terms are the contract's, the same the functions write into orders and menus.
 */

export { dishKindNames, dishTagNames, fulfilmentNames, mealNames } from '@yilin/contract'
export const mealOrder: readonly Meal[] = meals

export const fulfilmentNotes: Record<Fulfilment, string> = {
  eat_in: '到食堂坐下吃',
  pick_up: '到食堂打包带回家',
  delivery: '工作人员送到家门口',
}
export const fulfilmentOrder: Fulfilment[] = ['delivery', 'eat_in', 'pick_up']

export const dishKindOrder = dishKinds
export const dishTagOrder = dishTags

/** A mark for each status, so the state reads without colour. */
export const statusMarks: Record<OrderStatus, string> = {
  placed: '○',
  confirmed: '✓',
  served: '✔',
  out_for_delivery: '➜',
  delivered: '✔',
  no_show: '✕',
  cancelled: '✕',
}

export const statusTone = (status: OrderStatus) =>
  status === 'cancelled' || status === 'no_show' ? 'off' : status === 'served' || status === 'delivered' ? 'done' : status === 'placed' ? 'new' : 'ok'

const weekdayShort = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** [1,2,3,4,5] → "周一至周五"; [1,3,5] → "周一、周三、周五"; all → "每天". */
export function weekdaysText(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b)
  if (sorted.length === 7) return '每天'
  const runs: number[][] = []
  for (const day of sorted) {
    const last = runs[runs.length - 1]
    if (last && last[last.length - 1] === day - 1) last.push(day)
    else runs.push([day])
  }
  return runs
    .map((run) =>
      run.length >= 3 ? `${weekdayShort[run[0]]}至${weekdayShort[run[run.length - 1]]}` : run.map((d) => weekdayShort[d]).join('、'),
    )
    .join('、')
}

export const weekdayShortName = (day: number) => weekdayShort[day]

/** What happened when a standing order ran, in words. */
const runOutcomeTexts: Record<string, string> = {
  placed: '已自动订好',
  sold_out: '已订满，没订上',
  no_menu: '那天没有菜单，没订上',
  closed: '已过订餐时间，没订上',
  not_eligible: '不能送餐上门，没订上',
  already_ordered: '已经订过了，没有重复订',
  error: '系统出了问题，没订上，请手动订餐',
}

export function runText(run: { date: string; meal: Meal; outcome: string; message: string }): string {
  return `${formatMonthDay(run.date)} ${mealNames[run.meal]} ${runOutcomeTexts[run.outcome] ?? run.message}`
}

/** "今天", "明天", "后天" or "" for a date near today (China time). */
export function relativeDay(date: string, today: string = chinaToday()): string {
  if (date === today) return '今天'
  if (date === addDays(today, 1)) return '明天'
  if (date === addDays(today, 2)) return '后天'
  return ''
}

/** One random key per order attempt (resent on retry, so a retry never orders twice). */
export function newIdempotencyKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let key = Date.now().toString(36)
  for (let i = 0; i < 16; i += 1) key += alphabet[Math.floor(Math.random() * alphabet.length)]
  return key
}

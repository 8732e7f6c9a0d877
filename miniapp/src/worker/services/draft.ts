import type { ServiceCategory, ServiceInput, ServiceView, ServiceWindow, Skill } from '@yilin/contract'
import { weekdaysText } from '../../lib/canteen'
import { fenOf } from '../../lib/format'
import { yuanInputOf } from '../../lib/pricing'

/** A window as typed: the capacity stays text until the form is sent. */
export interface WindowDraft {
  weekday: number
  start: string
  end: string
  capacity: string
}

/** The service form as the worker fills it in; the big choices start unchosen for a new service. */
export interface ServiceDraft {
  category: ServiceCategory | null
  name: string
  description: string
  durationMinutes: string
  priceYuan: string
  skill: Skill | null
  windows: WindowDraft[]
  checklist: string[]
  active: boolean
}

export const emptyServiceDraft = (): ServiceDraft => ({
  category: null,
  name: '',
  description: '',
  durationMinutes: '60',
  priceYuan: '',
  skill: null,
  windows: [],
  checklist: [],
  active: true,
})

export const serviceDraftOf = (service: ServiceView): ServiceDraft => ({
  category: service.category,
  name: service.name,
  description: service.description,
  durationMinutes: String(service.durationMinutes),
  priceYuan: yuanInputOf(service.priceFen),
  skill: service.skill,
  windows: service.windows.map((window) => ({ ...window, capacity: String(window.capacity) })),
  checklist: [...service.checklist],
  active: service.active,
})

const wholeOf = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null)

/** Checks what only the form can (choices made, numbers typed as numbers) and makes the API's input, or says what to fix. */
export function serviceInputOf(draft: ServiceDraft): ServiceInput | string {
  if (!draft.category) return '请选服务类别。'
  if (!draft.skill) return '请选需要哪种技能的人上门。'
  const durationMinutes = wholeOf(draft.durationMinutes)
  if (durationMinutes === null) return '服务时长请填整数（分钟），例如 60。'
  const priceFen = fenOf(draft.priceYuan)
  if (priceFen === null) return '价格请填数字（元），最多两位小数，例如 100 或 35.5；免费填 0。'
  const windows: ServiceWindow[] = []
  for (const window of draft.windows) {
    const capacity = wholeOf(window.capacity)
    if (capacity === null) return '每个时段可约人数请填整数。'
    windows.push({ weekday: window.weekday, start: window.start, end: window.end, capacity })
  }
  const checklist = draft.checklist.map((item) => item.trim()).filter(Boolean)
  return { category: draft.category, name: draft.name, description: draft.description, durationMinutes, priceFen, skill: draft.skill, windows, checklist, active: draft.active }
}

/** Weekdays with the same windows said together: "周一至周五 09:00–11:00、14:00–16:00 · 周六 09:00–11:00". */
export function windowsText(windows: ReadonlyArray<Pick<ServiceWindow, 'weekday' | 'start' | 'end'>>): string {
  const byDay = new Map<number, string[]>()
  for (const window of [...windows].sort((a, b) => a.start.localeCompare(b.start))) {
    byDay.set(window.weekday, [...(byDay.get(window.weekday) ?? []), `${window.start}–${window.end}`])
  }
  const daysByTimes = new Map<string, number[]>()
  for (const [day, times] of [...byDay].sort(([a], [b]) => a - b)) {
    const key = times.join('、')
    daysByTimes.set(key, [...(daysByTimes.get(key) ?? []), day])
  }
  return [...daysByTimes].map(([times, days]) => `${weekdaysText(days)} ${times}`).join(' · ')
}

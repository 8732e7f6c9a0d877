import { useState } from 'react'
import { Input, Picker, View } from '@tarojs/components'
import { Choices } from '../../components/Choices'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { inputName } from '../../lib/a11y'
import { weekdayShortName } from '../../lib/canteen'
import { halfHours } from '../../lib/care'
import type { WindowDraft } from './draft'

const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const
type Weekday = (typeof weekdays)[number]
const workdays = [1, 2, 3, 4, 5]

interface Props {
  windows: WindowDraft[]
  onChange: (windows: WindowDraft[]) => void
}

/** A half hour picked from a list (never typed): the server keeps a staff member's day in half hours. */
function HalfHourPicker({ value, onChange, label, testId }: { value: string; onChange: (time: string) => void; label: string; testId: string }) {
  return (
    <Picker mode='selector' range={halfHours} value={Math.max(0, halfHours.indexOf(value))} onChange={(e) => onChange(halfHours[Number(e.detail.value)])}>
      <Tap className='picker' testId={testId} label={`${label}：${value}，点按修改`}>
        {label} {value} ›
      </Tap>
    </Picker>
  )
}

/**
 * The bookable windows, one weekday at a time: pick a day, add its windows, then copy them to 周一到周五
 * with one tap, so a week's timetable is a few taps on a phone rather than thirty-five.
 */
export function WindowsEditor({ windows, onChange }: Props) {
  const [day, setDay] = useState<Weekday>('1')
  const [start, setStart] = useState('09:00')
  const [end, setEnd] = useState('11:00')
  const [capacity, setCapacity] = useState('1')
  const [error, setError] = useState('')
  const weekday = Number(day)
  const ofDay = windows.filter((window) => window.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start))
  const dayNames = Object.fromEntries(
    weekdays.map((option) => {
      const count = windows.filter((window) => window.weekday === Number(option)).length
      return [option, count ? `${weekdayShortName(Number(option))}（${count}）` : weekdayShortName(Number(option))]
    }),
  ) as Record<Weekday, string>

  function add() {
    if (start >= end) return setError('结束时间要晚于开始时间。')
    if (ofDay.some((window) => window.start === start)) return setError(`${weekdayShortName(weekday)}已经有 ${start} 开始的时段了。`)
    setError('')
    onChange([...windows, { weekday, start, end, capacity }])
  }

  const remove = (removed: WindowDraft) => onChange(windows.filter((window) => window !== removed))

  /** Mon–Fri get this day's windows, replacing what they had; the weekend keeps its own. */
  const copyToWorkdays = () =>
    onChange([...windows.filter((window) => !workdays.includes(window.weekday)), ...workdays.flatMap((target) => ofDay.map((window) => ({ ...window, weekday: target })))])

  return (
    <View data-testid='windows'>
      <Choices options={weekdays} names={dayNames} value={day} onChange={setDay} testId='windows-day' label='哪一天的时段' />
      {ofDay.length === 0 && <View className='hint'>{weekdayShortName(weekday)}还没有可预约的时段。</View>}
      {ofDay.map((window) => (
        <View key={window.start} className='window-row' data-testid={`windows-${weekday}-${window.start}`}>
          <View className='window-row__text'>
            {window.start}–{window.end} · 可约 {window.capacity} 人
          </View>
          <Tap className='btn btn--secondary window-row__remove' testId={`windows-${weekday}-${window.start}-remove`} label={`删除${weekdayShortName(weekday)} ${window.start} 的时段`} onTap={() => remove(window)}>
            删除
          </Tap>
        </View>
      ))}
      <View className='form-label form-label--small'>给{weekdayShortName(weekday)}加一个时段</View>
      <View className='window-add'>
        <HalfHourPicker value={start} onChange={setStart} label='从' testId='windows-start' />
        <HalfHourPicker value={end} onChange={setEnd} label='到' testId='windows-end' />
      </View>
      <View className='form-label form-label--small'>这个时段可约几人</View>
      <Input className='input' type='number' {...inputName('这个时段可约几人')} value={capacity} maxlength={2} data-testid='windows-capacity' onInput={(e) => setCapacity(e.detail.value)} />
      {error && <Notice kind='error' message={error} testId='windows-error' />}
      <Tap className='btn btn--secondary' testId='windows-add' onTap={add}>
        ＋ 加这个时段
      </Tap>
      {ofDay.length > 0 && (
        <Tap className='btn btn--secondary' testId='windows-copy-workdays' onTap={copyToWorkdays}>
          周一到周五都用{weekdayShortName(weekday)}这样的时段
        </Tap>
      )}
    </View>
  )
}

import { useState } from 'react'
import { Input, Picker, View } from '@tarojs/components'
import { WISH_TITLE_MAX, wishCategories, wishCategoryNames, type CommonWish, type RedemptionWindow, type WishCategory } from '@yilin/contract'
import type { FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { wishValueText } from '../../components/WishCard'
import { inputName } from '../../lib/a11y'
import { addDays, chinaToday, fenOf, formatDayOfYear, yuan } from '../../lib/format'
import { rowError } from './draft'

/** Both lists stop at 12, as the contract does. */
const MAX_ROWS = 12

function DatePicker({ value, onChange, label, testId }: { value: string; onChange: (date: string) => void; label: string; testId: string }) {
  const today = chinaToday()
  return (
    <Picker mode='date' value={value} start={today} end={addDays(today, 730)} onChange={(e) => onChange(e.detail.value)}>
      <Tap className='picker' testId={testId} label={`${label}：${formatDayOfYear(value, today)}，点按修改`}>
        {label} {formatDayOfYear(value, today)} ›
      </Tap>
    </Picker>
  )
}

function RowError({ message, testId }: { message: string; testId: string }) {
  return message ? <Notice kind='error' message={message} testId={testId} /> : null
}

interface WindowsProps {
  windows: RedemptionWindow[]
  onChange: (windows: RedemptionWindow[]) => void
  fields: FieldErrors
}

/** 兑换期: dated windows when the store hands things out; none means the last two weeks of each quarter. */
export function RedemptionWindowsEditor({ windows, onChange, fields }: WindowsProps) {
  const today = chinaToday()
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(addDays(today, 13))
  const [error, setError] = useState('')

  function add() {
    if (to < from) return setError('结束日期不能早于开始日期。')
    setError('')
    onChange([...windows, { from, to }].sort((a, b) => a.from.localeCompare(b.from)))
  }

  return (
    <View data-testid='redemption-windows'>
      {windows.length === 0 && <View className='hint' data-testid='redemption-windows-default'>没有设兑换期：每季度最后两周可以兑换。</View>}
      {windows.map((window, index) => (
        <View key={`${window.from}-${index}`}>
          <View className='window-row' data-testid={`redemption-window-${index}`}>
            <View className='window-row__text'>
              {formatDayOfYear(window.from, today)} 至 {formatDayOfYear(window.to, today)}
            </View>
            <Tap className='btn btn--secondary window-row__remove' testId={`redemption-window-${index}-remove`} label={`删除 ${window.from} 开始的兑换期`} onTap={() => onChange(windows.filter((_, i) => i !== index))}>
              删除
            </Tap>
          </View>
          <RowError message={rowError(fields, 'redemptionWindows', index)} testId={`redemption-window-${index}-error`} />
        </View>
      ))}
      {windows.length < MAX_ROWS && (
        <>
          <View className='form-label form-label--small'>加一段兑换期</View>
          <View className='window-add'>
            <DatePicker value={from} onChange={setFrom} label='从' testId='redemption-window-from' />
            <DatePicker value={to} onChange={setTo} label='到' testId='redemption-window-to' />
          </View>
          {error && <Notice kind='error' message={error} testId='redemption-window-add-error' />}
          <Tap className='btn btn--secondary' testId='redemption-window-add' onTap={add}>
            ＋ 加这段兑换期
          </Tap>
        </>
      )}
    </View>
  )
}

interface WishesProps {
  wishes: CommonWish[]
  onChange: (wishes: CommonWish[]) => void
  fields: FieldErrors
  /** The cap as now typed (null while it is not a number): a common wish above it could never be posted. */
  capFen: number | null
}

/** 常见心愿: what an elder who cannot type picks from, each with its category and likely cost. */
export function CommonWishesEditor({ wishes, onChange, fields, capFen }: WishesProps) {
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState<WishCategory | null>(null)
  const [valueYuan, setValueYuan] = useState('')
  const [error, setError] = useState('')

  function add() {
    const valueFen = fenOf(valueYuan)
    if (!title.trim()) return setError('请写心愿，例如 理发上门。')
    if (!category) return setError('请选心愿类别。')
    if (valueFen === null) return setError('估计价值请填数字（元），不花钱填 0。')
    if (capFen !== null && valueFen > capFen) return setError(`估计价值不能超过心愿价值上限 ${yuan(capFen)}。`)
    setError('')
    onChange([...wishes, { title: title.trim(), category, valueFen }])
    setTitle('')
    setValueYuan('')
  }

  return (
    <View data-testid='common-wishes'>
      {wishes.length === 0 && <View className='hint'>还没有常见心愿。</View>}
      {wishes.map((wish, index) => (
        <View key={`${wish.title}-${index}`}>
          <View className='window-row' data-testid={`common-wish-${index}`}>
            <View className='window-row__text'>
              {wish.title} · {wishCategoryNames[wish.category]} · {wishValueText(wish.valueFen)}
            </View>
            <Tap className='btn btn--secondary window-row__remove' testId={`common-wish-${index}-remove`} label={`删除常见心愿 ${wish.title}`} onTap={() => onChange(wishes.filter((_, i) => i !== index))}>
              删除
            </Tap>
          </View>
          <RowError message={rowError(fields, 'commonWishes', index)} testId={`common-wish-${index}-error`} />
        </View>
      ))}
      {wishes.length < MAX_ROWS && (
        <>
          <View className='form-label form-label--small'>加一个常见心愿</View>
          <TextInput label='常见心愿' value={title} maxlength={WISH_TITLE_MAX} placeholder='例如 理发上门' testId='common-wish-title' onInput={setTitle} />
          <Choices options={wishCategories} names={wishCategoryNames} value={category} onChange={setCategory} testId='common-wish-category' label='常见心愿的类别' />
          <Input
            className='input'
            type='digit'
            {...inputName('估计价值（元）')}
            value={valueYuan}
            placeholder='估计价值（元），不花钱填 0'
            maxlength={7}
            data-testid='common-wish-value'
            onInput={(e) => setValueYuan(e.detail.value)}
          />
          {error && <Notice kind='error' message={error} testId='common-wish-add-error' />}
          <Tap className='btn btn--secondary' testId='common-wish-add' onTap={add}>
            ＋ 加到常见心愿
          </Tap>
        </>
      )}
    </View>
  )
}

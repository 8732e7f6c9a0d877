import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { StoreItemView } from '@yilin/contract'
import { restockItem } from '../../api/wishes'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { inputName } from '../../lib/a11y'
import { newIdempotencyKey } from '../../lib/canteen'
import { useAction } from '../../shared/useAction'

const directions = ['add', 'remove'] as const
type Direction = (typeof directions)[number]
const directionNames: Record<Direction, string> = { add: '补货（加）', remove: '减少（点错、损坏）' }

interface Props {
  communityId: string
  item: StoreItemView
  onSaved: (item: StoreItemView) => void
  onCancel: () => void
}

/** Stock in or out by a count, always with a reason; the key makes a retry count once. */
export function RestockForm({ communityId, item, onSaved, onCancel }: Props) {
  const [direction, setDirection] = useState<Direction>('add')
  const [count, setCount] = useState('')
  const [reason, setReason] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const { busy, error, setError, run } = useAction()
  const [idempotencyKey] = useState(newIdempotencyKey)

  function save() {
    const number = /^\d+$/.test(count.trim()) ? Number(count.trim()) : 0
    if (number === 0) return setError('请填数量（件），例如 10。')
    if (!reason.trim()) return setError('请写原因，例如 社区采购到货。')
    setFields({})
    void run(async () => {
      try {
        onSaved(await restockItem(communityId, item.itemId, { count: direction === 'add' ? number : -number, reason: reason.trim(), idempotencyKey }))
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
    })
  }

  return (
    <View className='card' data-testid='restock-form'>
      <View className='card__title'>
        {item.name}：现有 {item.stock} 件
      </View>
      <Choices options={directions} names={directionNames} value={direction} onChange={setDirection} testId='restock-direction' label='加还是减' />
      <View className='form-label'>数量（件）</View>
      <Input className='input' type='number' {...inputName('数量（件）')} value={count} maxlength={5} data-testid='restock-count' onInput={(e) => setCount(e.detail.value)} />
      <FieldError errors={fields} field='count' testId='restock-error' />
      <View className='form-label'>原因</View>
      <TextInput label='原因' value={reason} maxlength={50} placeholder={direction === 'add' ? '例如 社区采购到货' : '例如 盘点少了 2 件'} testId='restock-reason' onInput={setReason} />
      <FieldError errors={fields} field='reason' testId='restock-error' />
      {error && <Notice kind='error' message={error} testId='restock-form-error' />}
      <Tap className='btn btn--primary' testId='restock-save' onTap={save}>
        {busy ? '正在保存…' : direction === 'add' ? '确定补货' : '确定减少'}
      </Tap>
      <Tap className='btn btn--secondary' testId='restock-cancel' onTap={onCancel}>
        不改了
      </Tap>
    </View>
  )
}

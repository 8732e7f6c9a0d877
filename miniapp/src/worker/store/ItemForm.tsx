import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { StoreItemInput, StoreItemView } from '@yilin/contract'
import { addStoreItem, updateStoreItem } from '../../api/wishes'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { ToggleButton } from '../../components/ToggleButton'
import { inputName } from '../../lib/a11y'
import { newIdempotencyKey } from '../../lib/canteen'
import { useAction } from '../../shared/useAction'

interface Props {
  communityId: string
  /** The item changed; absent for a new one. */
  item?: StoreItemView
  onSaved: (item: StoreItemView) => void
  onCancel: () => void
}

const wholeOf = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null)

/** Adds an item to the store (with its first stock) or changes one; stock moves only by 补货, with a reason. */
export function ItemForm({ communityId, item, onSaved, onCancel }: Props) {
  const [name, setName] = useState(item?.name ?? '')
  const [description, setDescription] = useState(item?.description ?? '')
  const [points, setPoints] = useState(item ? String(item.pricePoints) : '')
  const [stock, setStock] = useState('')
  const [active, setActive] = useState(item?.active ?? true)
  const [fields, setFields] = useState<FieldErrors>({})
  const { busy, error, setError, run } = useAction()
  // One key per new item: a retry after a lost answer adds it once.
  const [idempotencyKey] = useState(newIdempotencyKey)

  function save() {
    const pricePoints = wholeOf(points)
    if (pricePoints === null) return setError('所需积分请填整数，例如 50。')
    const count = item ? 0 : wholeOf(stock)
    if (count === null) return setError('库存请填整数（件），还没有货填 0。')
    const input: StoreItemInput = { name: name.trim(), description: description.trim(), pricePoints, active }
    setFields({})
    void run(async () => {
      try {
        onSaved(item ? await updateStoreItem(communityId, item.itemId, input) : await addStoreItem(communityId, { ...input, stock: count, idempotencyKey }))
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
    })
  }

  return (
    <View className='card' data-testid='store-item-form'>
      <View className='card__title'>{item ? `修改：${item.name}` : '添加物品'}</View>
      <View className='form-label'>名称</View>
      <TextInput label='物品名称' value={name} maxlength={20} placeholder='例如 洗衣液 2 升' testId='store-item-name' onInput={setName} />
      <FieldError errors={fields} field='name' testId='store-item-error' />
      <View className='form-label'>说明（可以不写）</View>
      <TextInput label='物品说明' value={description} maxlength={100} placeholder='牌子、规格' testId='store-item-description' onInput={setDescription} />
      <FieldError errors={fields} field='description' testId='store-item-error' />
      <View className='form-label'>所需积分</View>
      <Input className='input' type='number' {...inputName('所需积分')} value={points} maxlength={6} data-testid='store-item-points' onInput={(e) => setPoints(e.detail.value)} />
      <FieldError errors={fields} field='pricePoints' testId='store-item-error' />
      {!item && (
        <>
          <View className='form-label'>现有库存（件）</View>
          <Input className='input' type='number' {...inputName('现有库存（件）')} value={stock} maxlength={5} data-testid='store-item-stock' onInput={(e) => setStock(e.detail.value)} />
          <FieldError errors={fields} field='stock' testId='store-item-error' />
        </>
      )}
      <ToggleButton label='上架（能兑换）' on={active} onChange={setActive} testId='store-item-active' />
      {error && <Notice kind='error' message={error} testId='store-item-form-error' />}
      <Tap className='btn btn--primary' testId='store-item-save' onTap={save}>
        {busy ? '正在保存…' : item ? '保存修改' : '添加这个物品'}
      </Tap>
      <Tap className='btn btn--secondary' testId='store-item-cancel' onTap={onCancel}>
        不改了
      </Tap>
    </View>
  )
}

import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { serviceCategories, skills, type ServiceView } from '@yilin/contract'
import { addService, updateService } from '../../api'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { newIdempotencyKey } from '../../lib/canteen'
import { TextInput } from '../../components/TextInput'
import { ToggleButton } from '../../components/ToggleButton'
import { inputName } from '../../lib/a11y'
import { serviceCategoryNames, skillNames } from '../../lib/care'
import { useAction } from '../../shared/useAction'
import { emptyServiceDraft, serviceDraftOf, serviceInputOf, type ServiceDraft } from './draft'
import { WindowsEditor } from './WindowsEditor'

interface Props {
  centreId: string
  /** The service changed; absent for a new one. */
  service?: ServiceView
  onSaved: (service: ServiceView) => void
  onCancel: () => void
}

const MAX_CHECKLIST = 10

/** Adds a service to the centre's catalogue or changes one: what it is, its price, who can do it, when it can be booked. */
export function ServiceForm({ centreId, service, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<ServiceDraft>(() => (service ? serviceDraftOf(service) : emptyServiceDraft()))
  const [item, setItem] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const { busy, error, setError, run } = useAction()
  // One key per new service: a retry after a lost answer adds it once.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const set = (patch: Partial<ServiceDraft>) => setDraft((current) => ({ ...current, ...patch }))

  function addItem() {
    if (!item.trim() || draft.checklist.length >= MAX_CHECKLIST) return
    set({ checklist: [...draft.checklist, item.trim()] })
    setItem('')
  }

  function save() {
    const input = serviceInputOf(draft)
    if (typeof input === 'string') return setError(input)
    setFields({})
    void run(async () => {
      try {
        onSaved(service ? await updateService(centreId, service.serviceId, input) : await addService(centreId, input, idempotencyKey))
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
    })
  }

  return (
    <View className='card' data-testid='service-form'>
      <View className='card__title'>{service ? `修改：${service.name}` : '添加服务项目'}</View>
      <View className='form-label'>类别</View>
      <Choices options={serviceCategories} names={serviceCategoryNames} value={draft.category} onChange={(category) => set({ category })} testId='service-category' label='服务类别' />
      <View className='form-label'>名称</View>
      <TextInput label='服务名称' value={draft.name} maxlength={20} placeholder='例如 全屋保洁' testId='service-name' onInput={(name) => set({ name })} />
      <FieldError errors={fields} field='name' testId='service-error' />
      <View className='form-label'>说明（长辈预约时看到）</View>
      <TextInput label='服务说明' value={draft.description} maxlength={200} placeholder='做什么、要准备什么' testId='service-description' onInput={(description) => set({ description })} />
      <FieldError errors={fields} field='description' testId='service-error' />
      <View className='form-label'>服务时长（分钟）</View>
      <Input className='input' type='number' {...inputName('服务时长（分钟）')} value={draft.durationMinutes} maxlength={3} data-testid='service-duration' onInput={(e) => set({ durationMinutes: e.detail.value })} />
      <FieldError errors={fields} field='durationMinutes' testId='service-error' />
      <View className='form-label'>价格（元，补贴前）</View>
      <Input className='input' type='digit' {...inputName('价格（元）')} value={draft.priceYuan} maxlength={7} data-testid='service-price' onInput={(e) => set({ priceYuan: e.detail.value })} />
      <FieldError errors={fields} field='priceFen' testId='service-error' />
      <View className='form-label'>谁能上门（需要的技能）</View>
      <Choices options={skills} names={skillNames} value={draft.skill} onChange={(skill) => set({ skill })} testId='service-skill' label='需要的技能' />

      <View className='section-title'>可预约时段</View>
      <WindowsEditor windows={draft.windows} onChange={(windows) => set({ windows })} />
      <FieldError errors={fields} field='windows' testId='service-error' />

      <View className='section-title'>服务清单（上门时逐项打勾，医疗服务可以不填）</View>
      {draft.checklist.map((entry, index) => (
        <View key={`${entry}-${index}`} className='window-row' data-testid={`service-checklist-${index}`}>
          <View className='window-row__text'>{entry}</View>
          <Tap className='btn btn--secondary window-row__remove' testId={`service-checklist-${index}-remove`} label={`删除清单项目 ${entry}`} onTap={() => set({ checklist: draft.checklist.filter((_, i) => i !== index) })}>
            删除
          </Tap>
        </View>
      ))}
      {draft.checklist.length < MAX_CHECKLIST && (
        <>
          <TextInput label='新的清单项目' value={item} maxlength={12} placeholder='例如 厨房' testId='service-checklist-new' onInput={setItem} />
          <Tap className='btn btn--secondary' testId='service-checklist-add' onTap={addItem}>
            ＋ 加到清单
          </Tap>
        </>
      )}
      <FieldError errors={fields} field='checklist' testId='service-error' />

      <ToggleButton label='开放预约' on={draft.active} onChange={(active) => set({ active })} testId='service-active' />
      {error && <Notice kind='error' message={error} testId='service-form-error' />}
      <Tap className='btn btn--primary' testId='service-save' onTap={save}>
        {busy ? '正在保存…' : service ? '保存修改' : '添加这项服务'}
      </Tap>
      <Tap className='btn btn--secondary' testId='service-cancel' onTap={onCancel}>
        不改了
      </Tap>
    </View>
  )
}

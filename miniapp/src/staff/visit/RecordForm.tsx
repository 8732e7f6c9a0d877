import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { BookingView } from '@yilin/contract'
import { saveVisitRecord } from '../../api'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { inputName } from '../../lib/a11y'
import { useAction } from '../../shared/useAction'
import { emptyMeasurements, measurementsOf, type MeasurementsDraft, type NumberField } from './measurements'

interface Props {
  booking: BookingView
  /** The service's checklist, each item a big toggle. */
  checklist: string[]
  medical: boolean
  /** The elder consented to health data being kept: without it, no reading is asked for. */
  measurable: boolean
  onSaved: (booking: BookingView) => void
}

const labels: Record<NumberField, { label: string; unit: string; decimal: boolean }> = {
  systolic: { label: '高压（收缩压）', unit: 'mmHg', decimal: false },
  diastolic: { label: '低压（舒张压）', unit: 'mmHg', decimal: false },
  pulse: { label: '脉搏', unit: '次/分', decimal: false },
  glucose: { label: '血糖', unit: 'mmol/L', decimal: true },
  temperature: { label: '体温', unit: '℃', decimal: true },
  weight: { label: '体重', unit: 'kg', decimal: true },
}

const fasting = ['fasting', 'after'] as const
const fastingNames = { fasting: '空腹', after: '餐后' }

/**
 * The record written at the elder's home: what was done (checklist toggles, notes) and what was measured:
 * on a medical visit always offered, on others when the staff member took a reading (blood pressure
 * before a bath, say); never when the elder has not consented to health data being kept.
 */
export function RecordForm({ booking, checklist, medical, measurable, onSaved }: Props) {
  const [done, setDone] = useState<string[]>(booking.record?.checklistDone ?? [])
  const [notes, setNotes] = useState(booking.record?.notes ?? '')
  const [readings, setReadings] = useState<MeasurementsDraft>(emptyMeasurements)
  const [fields, setFields] = useState<FieldErrors>({})
  const [measuring, setMeasuring] = useState(medical && measurable)
  const action = useAction()

  const toggle = (item: string) => setDone((current) => (current.includes(item) ? current.filter((entry) => entry !== item) : [...current, item]))
  const set = (patch: Partial<MeasurementsDraft>) => setReadings((current) => ({ ...current, ...patch }))

  const save = () =>
    action.run(async () => {
      setFields({})
      const measurements = measurable && measuring ? measurementsOf(readings) : undefined
      try {
        const { booking: saved } = await saveVisitRecord(booking.bookingId, { notes, checklistDone: done, ...(measurements ? { measurements } : {}) })
        onSaved(saved)
        action.setDone('记录已保存。')
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
    })

  const reading = (field: NumberField) => (
    <View key={field}>
      <View className='form-label'>
        {labels[field].label}（{labels[field].unit}）
      </View>
      <Input
        className='input'
        type={labels[field].decimal ? 'digit' : 'number'}
        {...inputName(`${labels[field].label}，单位 ${labels[field].unit}`)}
        value={readings[field]}
        maxlength={5}
        data-testid={`record-${field}`}
        onInput={(e) => set({ [field]: e.detail.value })}
      />
      <FieldError errors={fields} field={`measurements.${field}`} testId='record-error' />
    </View>
  )

  return (
    <View className='card' data-testid='record-form'>
      <View className='card__title'>服务记录</View>
      {checklist.length > 0 && <View className='form-label'>做好一项点一项</View>}
      {checklist.map((item) => {
        const on = done.includes(item)
        return (
          <Tap key={item} className={on ? 'toggle toggle--on visit-check' : 'toggle visit-check'} testId={`record-check-${item}`} role='checkbox' checked={on} onTap={() => toggle(item)}>
            {on ? '☑ ' : '☐ '}
            {item}
            {on ? '：做好了' : ''}
          </Tap>
        )
      })}
      {measurable && !measuring && (
        <Tap className='btn btn--secondary' testId='record-add-readings' onTap={() => setMeasuring(true)}>
          量了血压、血糖？点这里填
        </Tap>
      )}
      {measurable && measuring && (
        <>
          <View className='section-title'>测量结果（没量的不填）</View>
          {(['systolic', 'diastolic', 'pulse'] as const).map(reading)}
          {reading('glucose')}
          <Choices
            options={fasting}
            names={fastingNames}
            value={readings.glucoseFasting === null ? null : readings.glucoseFasting ? 'fasting' : 'after'}
            onChange={(choice) => set({ glucoseFasting: choice === 'fasting' })}
            testId='record-glucose-fasting'
            label='量血糖时是否空腹'
          />
          <FieldError errors={fields} field='measurements.glucoseFasting' testId='record-error' />
          {(['temperature', 'weight'] as const).map(reading)}
        </>
      )}
      <View className='form-label'>说明（可不填）</View>
      <TextInput label='服务说明' value={notes} maxlength={300} placeholder='例如 长辈说最近睡得不好' testId='record-notes' onInput={setNotes} />
      <FieldError errors={fields} field='notes' testId='record-error' />
      {action.error && <Notice kind='error' message={action.error} testId='record-error' />}
      {action.done && <Notice kind='success' message={action.done} testId='record-saved' />}
      <Tap className='btn btn--primary btn--big' testId='record-save' onTap={() => void save()}>
        {action.busy ? '正在保存…' : '保存记录'}
      </Tap>
    </View>
  )
}

import { useState } from 'react'
import { View } from '@tarojs/components'
import { roleNames, type AddWorkerResponse, type AppointedRole, type OrgResponse } from '@yilin/contract'
import { addWorker } from '../../api'
import { newIdempotencyKey } from '../../lib/canteen'
import { fieldErrorsOf, messageOf, type FieldErrors } from '../../api/client'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { PhoneInput, TextInput } from '../../components/TextInput'
import { PlaceChoices, type PlaceChoice } from './PlaceChoices'

interface Props {
  org: OrgResponse
  onAdded: (added: AddWorkerResponse) => void
}

const appointable: AppointedRole[] = ['worker', 'staff']

/** Adds a worker (to a community) or service staff member (to a centre) by name and phone. */
export function AddWorkerForm({ org, onAdded }: Props) {
  const [role, setRole] = useState<AppointedRole>('worker')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [place, setPlace] = useState<PlaceChoice | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  // One key per person added: a retry after a lost answer gives back the same account.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)

  async function submit() {
    if (busy) return
    setBusy(true)
    setError('')
    setFields({})
    try {
      onAdded(await addWorker({ role, name, phone, ...(place ?? {}), idempotencyKey }))
      setIdempotencyKey(newIdempotencyKey())
      setName('')
      setPhone('')
      setPlace(null)
    } catch (err) {
      setError(messageOf(err))
      setFields(fieldErrorsOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='add-worker'>
      <View className='card__title'>添加工作人员</View>
      <View className='choices' role='radiogroup' aria-label='岗位'>
        {appointable.map((option) => (
          <Tap
            key={option}
            className={option === role ? 'choice choice--on' : 'choice'}
            testId={`add-worker-role-${option}`}
            role='radio'
            checked={option === role}
            onTap={() => {
              setRole(option)
              setPlace(null)
            }}
          >
            {option === role ? '◉ ' : '○ '}
            {roleNames[option]}
          </Tap>
        ))}
      </View>
      <View className='form-label'>姓名</View>
      <TextInput label='姓名' value={name} maxlength={20} testId='add-worker-name' onInput={setName} />
      <FieldError errors={fields} field='name' testId='add-worker-error' />
      <View className='form-label'>手机号</View>
      <PhoneInput label='手机号' value={phone} testId='add-worker-phone' onInput={setPhone} />
      <FieldError errors={fields} field='phone' testId='add-worker-error' />
      <PlaceChoices org={org} role={role} value={place} onChange={setPlace} testId='add-worker-place' />
      <FieldError errors={fields} field='communityId' testId='add-worker-error' />
      <FieldError errors={fields} field='centreId' testId='add-worker-error' />
      {error && Object.keys(fields).length === 0 && <Notice kind='error' message={error} testId='add-worker-error' />}
      <Tap className='btn btn--primary' testId='add-worker-submit' onTap={submit}>
        {busy ? '正在添加…' : `添加${roleNames[role]}，生成岗位码`}
      </Tap>
    </View>
  )
}

import { useState } from 'react'
import { View } from '@tarojs/components'
import type { AddWorkerResponse, Skill } from '@yilin/contract'
import { addStaff } from '../../api'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { PhoneInput, TextInput } from '../../components/TextInput'
import { newIdempotencyKey } from '../../lib/canteen'
import { useAction } from '../../shared/useAction'
import { SkillChoices } from './SkillChoices'

interface Props {
  centreId: string
  onAdded: (added: AddWorkerResponse) => void
}

/** Adds a cleaner, carer, nurse or doctor of the centre, with the 岗位码 that binds their own WeChat. */
export function AddStaffForm({ centreId, onAdded }: Props) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [staffNumber, setStaffNumber] = useState('')
  const [skills, setSkills] = useState<Skill[]>([])
  const [fields, setFields] = useState<FieldErrors>({})
  // One key per person added: a retry after a lost answer gives back the same account.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const { busy, error, run } = useAction()

  const submit = () =>
    run(async () => {
      setFields({})
      try {
        onAdded(await addStaff(centreId, { name, phone, staffNumber, skills, idempotencyKey }))
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
      setIdempotencyKey(newIdempotencyKey())
      setName('')
      setPhone('')
      setStaffNumber('')
      setSkills([])
    })

  return (
    <View className='card' data-testid='add-staff'>
      <View className='card__title'>添加服务人员</View>
      <View className='form-label'>姓名</View>
      <TextInput label='姓名' value={name} maxlength={20} testId='add-staff-name' onInput={setName} />
      <FieldError errors={fields} field='name' testId='add-staff-error' />
      <View className='form-label'>手机号</View>
      <PhoneInput label='手机号' value={phone} testId='add-staff-phone' onInput={setPhone} />
      <FieldError errors={fields} field='phone' testId='add-staff-error' />
      <View className='form-label'>工号（长辈开门前核对）</View>
      <TextInput label='工号' value={staffNumber} maxlength={12} placeholder='例如 A012' testId='add-staff-number' onInput={setStaffNumber} />
      <FieldError errors={fields} field='staffNumber' testId='add-staff-error' />
      <View className='form-label'>会做的服务（可多选）</View>
      <SkillChoices value={skills} onChange={setSkills} testId='add-staff-skill' />
      <FieldError errors={fields} field='skills' testId='add-staff-error' />
      {error && Object.keys(fields).length === 0 && <Notice kind='error' message={error} testId='add-staff-error' />}
      <Tap className='btn btn--primary' testId='add-staff-submit' onTap={() => void submit()}>
        {busy ? '正在添加…' : '添加，生成岗位码'}
      </Tap>
    </View>
  )
}

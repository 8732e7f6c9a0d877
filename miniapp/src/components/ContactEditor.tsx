import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ElderProfile, UpdateContactInput } from '@yilin/contract'
import { updateElderContact } from '../api'
import { messageOf } from '../api/client'
import { Notice } from './Notice'
import { Tap } from './Tap'
import { PhoneInput, TextInput } from './TextInput'
import { DietaryFields } from './DietaryFields'
import { EmergencyContactsFields } from './EmergencyContactsFields'

interface Props {
  elder: ElderProfile
  onSaved: (elder: ElderProfile) => void
  onCancel: () => void
}

type Draft = Pick<ElderProfile, 'phone' | 'address' | 'dietary' | 'emergencyContacts'>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Only what changed is sent, so a save never overwrites someone else's edit of another field. */
export function changesOf(elder: ElderProfile, draft: Draft): UpdateContactInput {
  const contacts = draft.emergencyContacts.filter((contact) => contact.name || contact.relation || contact.phone)
  const changes: UpdateContactInput = {}
  if (draft.phone !== elder.phone) changes.phone = draft.phone
  if (draft.address !== elder.address) changes.address = draft.address
  if (!same(draft.dietary, elder.dietary)) changes.dietary = draft.dietary
  if (!same(contacts, elder.emergencyContacts)) changes.emergencyContacts = contacts
  return changes
}

export function ContactEditor({ elder, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>({
    phone: elder.phone,
    address: elder.address,
    dietary: { ...elder.dietary },
    emergencyContacts: elder.emergencyContacts.map((contact) => ({ ...contact })),
  })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const setDietary = (patch: Partial<Draft['dietary']>) => setDraft((d) => ({ ...d, dietary: { ...d.dietary, ...patch } }))

  async function save() {
    if (busy) return
    const changes = changesOf(elder, draft)
    if (Object.keys(changes).length === 0) {
      setError('没有要修改的内容。')
      return
    }
    setBusy(true)
    setError('')
    try {
      const { elder: saved } = await updateElderContact(elder.elderId, changes)
      onSaved(saved)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='profile-edit-form'>
      <View className='card__title'>修改{elder.name}的资料</View>

      <View className='form-label'>电话（手机或座机）</View>
      <PhoneInput label='电话' value={draft.phone} testId='profile-edit-phone' onInput={(phone) => setDraft((d) => ({ ...d, phone }))} />

      <View className='form-label'>住址</View>
      <TextInput label='住址' value={draft.address} maxlength={100} testId='profile-edit-address' onInput={(address) => setDraft((d) => ({ ...d, address }))} />

      <DietaryFields dietary={draft.dietary} testIdPrefix='profile-edit' onChange={setDietary} />

      <EmergencyContactsFields
        contacts={draft.emergencyContacts}
        testIdPrefix='profile-edit'
        onChange={(emergencyContacts) => setDraft((d) => ({ ...d, emergencyContacts }))}
      />

      {error && <Notice kind='error' message={error} testId='profile-edit-error' />}
      <Tap className='btn btn--primary' testId='profile-edit-save' onTap={save}>
        {busy ? '正在保存…' : '保存'}
      </Tap>
      <Tap className='btn btn--secondary' testId='profile-edit-cancel' onTap={onCancel}>
        不改了
      </Tap>
    </View>
  )
}

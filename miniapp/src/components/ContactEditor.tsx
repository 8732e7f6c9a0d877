import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ElderProfile, UpdateContactInput } from '@yilin/contract'
import type { EmergencyContact } from '@yilin/contract'
import { dietaryNeedNames } from '@yilin/contract'
import { updateElderContact } from '../api'
import { messageOf } from '../api/client'
import { Notice } from './Notice'
import { ToggleButton } from './ToggleButton'
import { Tap } from './Tap'
import { PhoneInput, TextInput } from './TextInput'

const MAX_CONTACTS = 3

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
  const setContact = (index: number, patch: Partial<EmergencyContact>) =>
    setDraft((d) => ({
      ...d,
      emergencyContacts: d.emergencyContacts.map((contact, i) => (i === index ? { ...contact, ...patch } : contact)),
    }))
  const addContact = () =>
    setDraft((d) => ({ ...d, emergencyContacts: [...d.emergencyContacts, { name: '', relation: '', phone: '' }] }))
  const removeContact = (index: number) =>
    setDraft((d) => ({ ...d, emergencyContacts: d.emergencyContacts.filter((_, i) => i !== index) }))

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

      <View className='form-label'>饮食</View>
      <ToggleButton label={dietaryNeedNames.lowSalt} on={draft.dietary.lowSalt} testId='profile-edit-low-salt' onChange={(lowSalt) => setDietary({ lowSalt })} />
      <ToggleButton label={dietaryNeedNames.lowSugar} on={draft.dietary.lowSugar} testId='profile-edit-low-sugar' onChange={(lowSugar) => setDietary({ lowSugar })} />
      <ToggleButton label='软食' on={draft.dietary.softFood} testId='profile-edit-soft-food' onChange={(softFood) => setDietary({ softFood })} />
      <View className='form-label'>过敏或忌口（没有就空着）</View>
      <TextInput label='过敏或忌口' value={draft.dietary.allergies} maxlength={100} testId='profile-edit-allergies' onInput={(allergies) => setDietary({ allergies })} />

      <View className='form-label'>紧急联系人（最多 {MAX_CONTACTS} 位）</View>
      {draft.emergencyContacts.map((contact, index) => (
        <View key={index} className='contact-editor' data-testid={`profile-edit-contact-${index}`}>
          <View className='form-label form-label--small'>第 {index + 1} 位 · 姓名</View>
          <TextInput label={`第 ${index + 1} 位紧急联系人的姓名`} value={contact.name} maxlength={20} testId={`profile-edit-contact-${index}-name`} onInput={(name) => setContact(index, { name })} />
          <View className='form-label form-label--small'>关系（如 儿子、女儿、邻居）</View>
          <TextInput label={`第 ${index + 1} 位紧急联系人和长辈的关系`} value={contact.relation} maxlength={10} testId={`profile-edit-contact-${index}-relation`} onInput={(relation) => setContact(index, { relation })} />
          <View className='form-label form-label--small'>电话（手机或座机）</View>
          <PhoneInput label={`第 ${index + 1} 位紧急联系人的电话`} value={contact.phone} testId={`profile-edit-contact-${index}-phone`} onInput={(phone) => setContact(index, { phone })} />
          <Tap className='btn btn--secondary' testId={`profile-edit-contact-${index}-remove`} onTap={() => removeContact(index)}>
            删除这位联系人
          </Tap>
        </View>
      ))}
      {draft.emergencyContacts.length < MAX_CONTACTS && (
        <Tap className='btn btn--secondary' testId='profile-edit-contact-add' onTap={addContact}>
          ＋ 添加紧急联系人
        </Tap>
      )}

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

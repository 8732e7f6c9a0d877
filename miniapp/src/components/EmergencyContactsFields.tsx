import { View } from '@tarojs/components'
import type { EmergencyContact } from '@yilin/contract'
import { Tap } from './Tap'
import { PhoneInput, TextInput } from './TextInput'

export const MAX_CONTACTS = 3

interface Props {
  contacts: EmergencyContact[]
  onChange: (contacts: EmergencyContact[]) => void
  /** Test ids are `<testIdPrefix>-contact-<n>-name` and so on, and `<testIdPrefix>-contact-add`. */
  testIdPrefix: string
}

/** Up to three emergency contacts, each with name, relation and phone, added and removed one at a time. */
export function EmergencyContactsFields({ contacts, onChange, testIdPrefix }: Props) {
  const setContact = (index: number, patch: Partial<EmergencyContact>) =>
    onChange(contacts.map((contact, i) => (i === index ? { ...contact, ...patch } : contact)))
  const prefix = `${testIdPrefix}-contact`
  return (
    <>
      <View className='form-label'>紧急联系人（最多 {MAX_CONTACTS} 位）</View>
      {contacts.map((contact, index) => (
        <View key={index} className='contact-editor' data-testid={`${prefix}-${index}`}>
          <View className='form-label form-label--small'>第 {index + 1} 位 · 姓名</View>
          <TextInput label={`第 ${index + 1} 位紧急联系人的姓名`} value={contact.name} maxlength={20} testId={`${prefix}-${index}-name`} onInput={(name) => setContact(index, { name })} />
          <View className='form-label form-label--small'>关系（如 儿子、女儿、邻居）</View>
          <TextInput label={`第 ${index + 1} 位紧急联系人和长辈的关系`} value={contact.relation} maxlength={10} testId={`${prefix}-${index}-relation`} onInput={(relation) => setContact(index, { relation })} />
          <View className='form-label form-label--small'>电话（手机或座机）</View>
          <PhoneInput label={`第 ${index + 1} 位紧急联系人的电话`} value={contact.phone} testId={`${prefix}-${index}-phone`} onInput={(phone) => setContact(index, { phone })} />
          <Tap className='btn btn--secondary' testId={`${prefix}-${index}-remove`} onTap={() => onChange(contacts.filter((_, i) => i !== index))}>
            删除这位联系人
          </Tap>
        </View>
      ))}
      {contacts.length < MAX_CONTACTS && (
        <Tap className='btn btn--secondary' testId={`${prefix}-add`} onTap={() => onChange([...contacts, { name: '', relation: '', phone: '' }])}>
          ＋ 添加紧急联系人
        </Tap>
      )}
    </>
  )
}

import { useState } from 'react'
import { View } from '@tarojs/components'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'

const NAME_MAX = 30

interface NameFormProps {
  /** What the name is of, e.g. 社区名称: the box's label and the message when it is empty. */
  label: string
  initial?: string
  action: string
  testId: string
  onSave: (name: string) => Promise<void>
  onCancel?: () => void
}

/** One name to type and save (a new centre or community, or a rename), with the server's message beside it. */
export function NameForm({ label, initial = '', action, testId, onSave, onCancel }: NameFormProps) {
  const [name, setName] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function save() {
    if (busy) return
    if (!name.trim()) {
      setError(`请填写${label}`)
      return
    }
    setBusy(true)
    setError('')
    try {
      await onSave(name.trim())
      setName('')
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='name-form' data-testid={testId}>
      <TextInput label={label} value={name} maxlength={NAME_MAX} placeholder={label} testId={`${testId}-input`} onInput={(value) => {
        setName(value)
        setError('')
      }} />
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
      <Tap className='btn btn--primary' testId={`${testId}-save`} onTap={save}>
        {busy ? '正在保存…' : action}
      </Tap>
      {onCancel && (
        <Tap className='btn btn--secondary' testId={`${testId}-cancel`} onTap={onCancel}>
          取消
        </Tap>
      )}
    </View>
  )
}

interface RenamableProps {
  name: string
  label: string
  testId: string
  onRename: (name: string) => Promise<void>
}

/** A name with 改名 beside it; renaming opens the form in place. */
export function Renamable({ name, label, testId, onRename }: RenamableProps) {
  const [editing, setEditing] = useState(false)
  if (editing) {
    return (
      <NameForm
        label={label}
        initial={name}
        action='保存新名称'
        testId={`${testId}-rename`}
        onSave={async (next) => {
          await onRename(next)
          setEditing(false)
        }}
        onCancel={() => setEditing(false)}
      />
    )
  }
  return (
    <View className='worker-row' data-testid={testId}>
      <View className='worker-row__name'>{name}</View>
      <Tap className='link' testId={`${testId}-rename-open`} label={`改名：${name}`} onTap={() => setEditing(true)}>
        改名
      </Tap>
    </View>
  )
}

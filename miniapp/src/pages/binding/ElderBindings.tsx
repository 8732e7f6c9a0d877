import { useState } from 'react'
import { View } from '@tarojs/components'
import { relativeLabel, type BindingView } from '@yilin/contract'
import { listBindings, removeBinding } from '../../api'
import { messageOf } from '../../api/client'
import { BindingCodePanel } from '../../components/BindingCodePanel'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import { Tap } from '../../components/Tap'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'

interface RowProps {
  elderId: string
  binding: BindingView
  onRemoved: (familyId: string) => void
}

/** Removing asks again on the page itself (no pop-up), naming the person who will lose access. */
function BindingRow({ elderId, binding, onRemoved }: RowProps) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const testId = `binding-row-${binding.familyId}`

  async function remove() {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      await removeBinding(elderId, binding.familyId)
      onRemoved(binding.familyId)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <View className='binding-row' data-testid={testId}>
      <View className='binding-row__name'>{relativeLabel(binding.name, binding.relation)}</View>
      <View className='hint'>绑定于 {formatDateTime(binding.boundAt)}</View>
      {confirming ? (
        <View className='confirm'>
          <View className='confirm__question'>确定解除吗？解除后{binding.name}就看不到您的资料了。</View>
          <Tap className='btn btn--danger' testId={`${testId}-confirm`} onTap={remove}>
            {busy ? '正在解除…' : '确定解除'}
          </Tap>
          <Tap className='btn btn--secondary' testId={`${testId}-keep`} onTap={() => setConfirming(false)}>
            不解除
          </Tap>
        </View>
      ) : (
        <Tap className='btn btn--secondary' testId={`${testId}-remove`} onTap={() => setConfirming(true)}>
          解除绑定
        </Tap>
      )}
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
    </View>
  )
}

export function ElderBindings() {
  // An elder's own id is their user id: the page needs no request beyond the bindings themselves.
  const user = currentUser()
  const elderId = user?.role === 'elder' ? user.userId : ''
  const bindings = useData(() => listBindings(elderId), { enabled: elderId !== '' })

  if (!elderId) return <Notice kind='error' message='只有长辈本人可以邀请家人。' testId='binding-error' />
  const page = bindings.data
  const removed = (familyId: string) =>
    bindings.setData((current) => ({ ...current, items: current.items.filter((b) => b.familyId !== familyId) }))
  return (
    <View>
      <DataStatus state={bindings} testId='binding' />
      {/* The panel waits for the code that still works, so it opens showing it. */}
      {page && <BindingCodePanel elderId={elderId} live={page.liveCode ?? null} />}
      {page && (
        <View className='card'>
          <View className='card__title'>已绑定的家人</View>
          {page.items.length === 0 && <View className='hint'>还没有家人绑定。</View>}
          {page.items.map((binding) => (
            <BindingRow
              key={binding.familyId}
              elderId={elderId}
              binding={binding}
              onRemoved={removed}
            />
          ))}
        </View>
      )}
    </View>
  )
}

import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { BindingView, LiveCodeView } from '@yilin/functions/src/schemas/people'
import { listBindings, removeBinding } from '../../api'
import { messageOf } from '../../api/client'
import { BindingCodePanel } from '../../components/BindingCodePanel'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import { Tap } from '../../components/Tap'
import { currentUser } from '../../lib/session'

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
      <View className='binding-row__name'>{binding.name}</View>
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
  const [elderId, setElderId] = useState('')
  const [bindings, setBindings] = useState<BindingView[] | null>(null)
  const [liveCode, setLiveCode] = useState<LiveCodeView | null | undefined>(undefined)
  const [error, setError] = useState('')

  useEffect(() => {
    // An elder's own id is their user id: the page needs no request beyond the bindings themselves.
    const user = currentUser()
    if (user?.role !== 'elder') {
      setError('只有长辈本人可以邀请家人。')
      return
    }
    setElderId(user.userId)
    listBindings(user.userId)
      .then((page) => {
        setLiveCode(page.liveCode ?? null)
        setBindings(page.items)
      })
      .catch((err) => setError(messageOf(err)))
  }, [])

  if (error) return <Notice kind='error' message={error} testId='binding-error' />
  if (!elderId) return <Loading />
  return (
    <View>
      {/* The panel waits for the code that still works, so it opens showing it. */}
      {liveCode !== undefined ? <BindingCodePanel elderId={elderId} live={liveCode} /> : <Loading />}
      <View className='card'>
        <View className='card__title'>已绑定的家人</View>
        {!bindings && <Loading />}
        {bindings?.length === 0 && <View className='hint'>还没有家人绑定。</View>}
        {bindings?.map((binding) => (
          <BindingRow
            key={binding.familyId}
            elderId={elderId}
            binding={binding}
            onRemoved={(familyId) => setBindings((list) => (list ?? []).filter((b) => b.familyId !== familyId))}
          />
        ))}
      </View>
    </View>
  )
}

import { useState } from 'react'
import { View } from '@tarojs/components'
import type { BindingCodeResponse } from '@yilin/functions/src/schemas/api'
import { createBindingCode } from '../api'
import { messageOf } from '../api/client'
import { Notice } from './Notice'
import { OneTimeCode } from './OneTimeCode'
import { Tap } from './Tap'

/** Makes a one-time invitation code that a family member types in to be bound to this elder. */
export function BindingCodePanel({ elderId }: { elderId: string }) {
  const [code, setCode] = useState<BindingCodeResponse | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function generate() {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      setCode(await createBindingCode(elderId))
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card'>
      <View className='card__title'>邀请家人</View>
      <View className='hint'>把邀请码告诉家人，家人在“绑定长辈”里输入，就能帮您办事、看您的资料。</View>
      {code && <OneTimeCode code={code.code} expiresAt={code.expiresAt} rule='24小时内有效，只能用一次' testId='binding-code' />}
      <Tap className='btn btn--primary' testId='binding-code-generate' onTap={generate}>
        {busy ? '正在生成…' : code ? '重新生成邀请码' : '生成邀请码'}
      </Tap>
      {error && <Notice kind='error' message={error} testId='binding-code-error' />}
    </View>
  )
}

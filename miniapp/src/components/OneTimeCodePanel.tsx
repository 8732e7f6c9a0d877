import { useState } from 'react'
import { View } from '@tarojs/components'
import { messageOf } from '../api/client'
import { Notice } from './Notice'
import { OneTimeCode } from './OneTimeCode'
import { Tap } from './Tap'

interface OneTimeCodePanelProps {
  /** Asks the server for a fresh code. */
  create: () => Promise<{ code: string; expiresAt: string }>
  title: string
  hint: string
  /** How the code is to be used, shown under the digits. */
  rule: string
  /** What the code is called on its button, e.g. 邀请码. */
  codeName: string
  /** Prefix of the test ids: `<prefix>`, `<prefix>-generate`, `<prefix>-error`. */
  testId: string
}

/** Makes a one-time 6-digit code and shows it big and spaced, with its rule and expiry. */
export function OneTimeCodePanel({ create, title, hint, rule, codeName, testId }: OneTimeCodePanelProps) {
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function generate() {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      setCode(await create())
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid={`${testId}-panel`}>
      <View className='card__title'>{title}</View>
      <View className='hint'>{hint}</View>
      {code && <OneTimeCode code={code.code} expiresAt={code.expiresAt} rule={rule} testId={testId} />}
      <Tap className='btn btn--primary' testId={`${testId}-generate`} onTap={generate}>
        {busy ? '正在生成…' : code ? `重新生成${codeName}` : `生成${codeName}`}
      </Tap>
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
    </View>
  )
}

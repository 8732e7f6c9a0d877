import { useEffect, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { LiveCodeView } from '@yilin/contract'
import { useAction } from '../shared/useAction'
import { Notice } from './Notice'
import { OneTimeCode } from './OneTimeCode'
import { Tap } from './Tap'

interface OneTimeCodePanelProps {
  /** Asks the server for a fresh code; it replaces the one shown. */
  create: () => Promise<LiveCodeView>
  /** Makes the code shown unusable. */
  revoke: () => Promise<void>
  /** The code that still works when the page opens, if any. */
  live?: LiveCodeView | null
  title: string
  hint: string
  /** How the code is to be used, shown under the digits. */
  rule: string
  /** What the code is called on its button, e.g. 邀请码. */
  codeName: string
  /** Prefix of the test ids: `<prefix>`, `<prefix>-generate`, `<prefix>-revoke`, `<prefix>-error`. */
  testId: string
  /** Told the code shown whenever it changes (null when none). */
  onCode?: (code: string | null) => void
  /** Shown under the code while there is one (e.g. a way to send it). */
  whileShown?: ReactNode
}

/**
 * Makes a one-time 6-digit code and shows it big and spaced, with its rule and expiry. A new code
 * replaces the old one (which stops working), and the code shown can be revoked: a code told to the
 * wrong person is stopped at once.
 */
export function OneTimeCodePanel({ create, revoke, live, title, hint, rule, codeName, testId, onCode, whileShown }: OneTimeCodePanelProps) {
  const [code, setCode] = useState<LiveCodeView | null>(live ?? null)
  useEffect(() => onCode?.(code?.code ?? null), [code, onCode])
  const { busy, error, done, setDone, run } = useAction()

  const generate = () => run(async () => setCode(await create()))
  const stop = () =>
    run(async () => {
      await revoke()
      setCode(null)
      setDone(`${codeName}已作废，不能再用了。`)
    })

  return (
    <View className='card' data-testid={`${testId}-panel`}>
      <View className='card__title'>{title}</View>
      <View className='hint'>{hint}</View>
      {code && <OneTimeCode code={code.code} expiresAt={code.expiresAt} rule={rule} testId={testId} />}
      {code && whileShown}
      <Tap className='btn btn--primary' testId={`${testId}-generate`} onTap={generate}>
        {busy ? '请稍候…' : code ? `重新生成${codeName}（旧的作废）` : `生成${codeName}`}
      </Tap>
      {code && (
        <Tap className='btn btn--secondary' testId={`${testId}-revoke`} onTap={stop}>
          作废这个{codeName}
        </Tap>
      )}
      {done && <Notice kind='success' message={done} testId={`${testId}-revoked`} />}
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
    </View>
  )
}

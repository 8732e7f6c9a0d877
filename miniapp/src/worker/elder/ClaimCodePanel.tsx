import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ClaimCodeResponse } from '@yilin/functions/src/schemas/api'
import { createClaimCode } from '../../api'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { OneTimeCode } from '../../components/OneTimeCode'
import { Tap } from '../../components/Tap'

export const CLAIM_CODE_RULE = '请当面交给长辈本人：长辈用自己的微信打开小程序，选“我是长辈本人”，输入这 6 位数字。24小时内有效，只能用一次。'

/**
 * 长辈本人登录: a worker makes a one-time 本人登录码 and hands it to the elder in person, so the elder's
 * own WeChat becomes the elder's account (a first WeChat sign-in is otherwise a family account).
 */
export function ClaimCodePanel({ elderId }: { elderId: string }) {
  const [code, setCode] = useState<ClaimCodeResponse | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function generate() {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      setCode(await createClaimCode(elderId))
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='claim-code-panel'>
      <View className='card__title'>长辈本人登录</View>
      <View className='hint'>长辈想用自己的微信登录时，在这里生成本人登录码，当面交给长辈。</View>
      {code && <OneTimeCode code={code.code} expiresAt={code.expiresAt} rule={CLAIM_CODE_RULE} testId='claim-code' />}
      <Tap className='btn btn--primary' testId='claim-code-generate' onTap={generate}>
        {busy ? '正在生成…' : code ? '重新生成本人登录码' : '生成本人登录码'}
      </Tap>
      {error && <Notice kind='error' message={error} testId='claim-code-error' />}
    </View>
  )
}

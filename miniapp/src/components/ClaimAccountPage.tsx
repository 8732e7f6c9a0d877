import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SessionResponse } from '@yilin/contract'
import { messageOf } from '../api/client'
import { goBackOrHome, homeOf, LOGIN_URL } from '../lib/navigation'
import { clearSession, currentUser, saveSession } from '../lib/session'
import { CodeEntry, isSixDigitCode } from './CodeEntry'
import { ElderPage } from './ElderPage'
import { Notice } from './Notice'
import { Tap } from './Tap'

interface Props {
  title: string
  hint: string
  /** 登录码, 岗位码: what the code is called on this page. */
  codeName: string
  submitLabel: string
  backLabel: string
  help: string
  testId: string
  claim: (code: string) => Promise<SessionResponse>
}

/**
 * A fresh WeChat account takes over the account someone prepared for its owner (an elder's, by a worker;
 * a worker's or staff member's, by the county) with the 6-digit code they were handed. The answer is a
 * new session; nothing chosen on the newcomer account carries over.
 */
export function ClaimAccountPage({ title, hint, codeName, submitLabel, backLabel, help, testId, claim }: Props) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  useDidShow(() => {
    if (!currentUser()) void Taro.reLaunch({ url: LOGIN_URL })
  })

  async function submit() {
    if (busy) return
    if (!isSixDigitCode(code)) {
      setError(`请输入 6 位数字${codeName}`)
      return
    }
    setBusy(true)
    setError('')
    try {
      const session = await claim(code)
      clearSession()
      saveSession(session)
      void Taro.reLaunch({ url: homeOf(session.user.role) })
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <ElderPage>
      <View className='card'>
        <View className='card__title'>{title}</View>
        <View className='hint'>{hint}</View>
        <CodeEntry
          value={code}
          label={`6 位${codeName}`}
          testId={`${testId}-code-input`}
          onChange={(next) => {
            setCode(next)
            setError('')
          }}
        />
        {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
        <Tap className='btn btn--primary' testId={`${testId}-submit`} onTap={submit}>
          {busy ? '正在登录…' : submitLabel}
        </Tap>
        <Tap className='btn btn--secondary' testId={`${testId}-back`} onTap={goBackOrHome}>
          {backLabel}
        </Tap>
      </View>
      <Notice kind='info' testId={`${testId}-help`} message={help} />
    </ElderPage>
  )
}

import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { claimElder } from '../../api'
import { messageOf } from '../../api/client'
import { CodeEntry, isSixDigitCode } from '../../components/CodeEntry'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { goBackOrHome, HOME_URL, LOGIN_URL } from '../../lib/navigation'
import { clearSession, currentUser, saveSession } from '../../lib/session'

const CODE_MESSAGE = '请输入 6 位数字登录码'

/**
 * 我是长辈本人: an elder who signed in with their own WeChat (and so got a family account) types in the
 * 本人登录码 a community worker gave them. The answer is a new session, now the elder's own.
 */
export default function ClaimPage() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  useDidShow(() => {
    if (!currentUser()) void Taro.reLaunch({ url: LOGIN_URL })
  })

  async function submit() {
    if (busy) return
    if (!isSixDigitCode(code)) {
      setError(CODE_MESSAGE)
      return
    }
    setBusy(true)
    setError('')
    try {
      const session = await claimElder(code)
      // Start clean: nothing chosen as a family member carries over to the elder's own account.
      clearSession()
      saveSession(session)
      void Taro.reLaunch({ url: HOME_URL })
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <ElderPage>
      <View className='card'>
        <View className='card__title'>我是长辈本人</View>
        <View className='hint'>请把社区工作者当面给您的 6 位登录码填在下面。填好以后，您就用自己的微信订餐、看订单、管自己的资料。</View>
        <CodeEntry
          value={code}
          label='6 位登录码'
          testId='claim-code-input'
          onChange={(next) => {
            setCode(next)
            setError('')
          }}
        />
        {error && <Notice kind='error' message={error} testId='claim-error' />}
        <Tap className='btn btn--primary' testId='claim-submit' onTap={submit}>
          {busy ? '正在登录…' : '确定，我是长辈本人'}
        </Tap>
        <Tap className='btn btn--secondary' testId='claim-back' onTap={goBackOrHome}>
          我不是长辈本人，返回
        </Tap>
      </View>
      <Notice kind='info' testId='claim-help' message='还没有登录码？请到社区服务中心，或请社区工作者上门时帮您生成一个。' />
    </ElderPage>
  )
}

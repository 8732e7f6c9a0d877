import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { SessionResponse } from '@yilin/contract'
import { setMyName } from '../api'
import { inputName } from '../lib/a11y'
import { saveSession } from '../lib/session'
import { useAction } from '../shared/useAction'
import { Notice } from './Notice'
import { Tap } from './Tap'

const NAME_MAX = 20

interface Props {
  /** The name now; empty for a new account still called 微信用户. */
  initial: string
  /** What the button says: 保存 on the account page, 下一步 on first sign-in. */
  action: string
  testId: string
  onSaved: (session: SessionResponse) => void
}

/**
 * What a person wants to be called, as the elder, relatives and workers will see it. In WeChat the box
 * offers the WeChat nickname above the keyboard (`type="nickname"`); choosing it fills the box without an
 * input event, so the value is also taken when the box loses focus.
 */
export function NameEditor({ initial, action, testId, onSaved }: Props) {
  const [name, setName] = useState(initial)
  const { busy, error, setError, run } = useAction()

  function save() {
    const trimmed = name.trim()
    if (!trimmed) {
      setError('请填写称呼，例如 王建国')
      return
    }
    void run(async () => {
      const session = await setMyName(trimmed)
      saveSession(session)
      onSaved(session)
    })
  }

  const typed = (value: string) => {
    setName(value)
    setError('')
  }
  return (
    <View data-testid={testId}>
      <View className='form-label'>您的称呼</View>
      <Input
        className='input'
        type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
        maxlength={NAME_MAX}
        value={name}
        placeholder='例如 王建国'
        {...inputName('您的称呼')}
        data-testid={`${testId}-input`}
        onInput={(e) => typed(e.detail.value)}
        onBlur={(e) => typed(e.detail.value)}
      />
      <View className='hint'>长辈、家人和社区工作者会看到这个称呼，请用他们认得出的名字。</View>
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
      <Tap className='btn btn--primary' testId={`${testId}-save`} onTap={save}>
        {busy ? '正在保存…' : action}
      </Tap>
    </View>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { closedElsewhereText, keptAfterClosing, removedOnClosing } from '@yilin/contract'
import { closeMyAccount } from '../../api/rights'
import { ConfirmStep } from '../../components/ConfirmStep'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { goTo, LOGIN_URL } from '../../lib/navigation'
import { clearSession, currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'

/**
 * 注销账户, for a relative or a volunteer: what goes at once and what the county keeps (without their name or
 * number) is said first, a copy can be downloaded, and the closing is confirmed on the page. Afterwards the
 * phone forgets the session and the sign-in page is shown; signing in again starts a new account.
 */
export default function CloseAccountPage() {
  // As at opening: the session is cleared on closing, and the done notice still speaks to a relative.
  const [user] = useState(currentUser)
  const [asking, setAsking] = useState(false)
  const [closed, setClosed] = useState(false)
  const action = useAction()

  const close = () =>
    action.run(async () => {
      await closeMyAccount()
      clearSession()
      setClosed(true)
    })

  if (closed) {
    return (
      <ElderPage>
        <View className='page-title'>账户已注销</View>
        <Notice kind='success' message={`您的账户已注销${user?.role === 'family' ? '，和长辈的绑定已解除' : ''}。感谢您使用颐邻。`} testId='close-account-done' />
        <Tap className='btn btn--secondary' testId='close-account-leave' onTap={() => void Taro.reLaunch({ url: LOGIN_URL })}>
          好的
        </Tap>
      </ElderPage>
    )
  }
  if (user?.role !== 'family' && user?.role !== 'volunteer') {
    return (
      <ElderPage>
        <View className='page-title'>注销账户</View>
        <Notice
          kind='info'
          testId='close-account-elsewhere'
          message={user ? closedElsewhereText(user.role) : ''}
        />
      </ElderPage>
    )
  }
  return (
    <ElderPage>
      <View className='page-title'>注销账户</View>
      <View className='card' data-testid='close-account-removed'>
        <View className='card__title'>马上删除</View>
        {removedOnClosing[user.role].map((line) => (
          <View className='hint' key={line}>
            · {line}
          </View>
        ))}
      </View>
      <View className='card' data-testid='close-account-kept'>
        <View className='card__title'>按规定保留（不带您的名字和联系方式）</View>
        {keptAfterClosing.map((line) => (
          <View className='hint' key={line}>
            · {line}
          </View>
        ))}
      </View>
      <Tap className='btn btn--secondary' testId='close-account-copy' onTap={() => goTo('/pages/my-data/index')}>
        先下载一份我的信息
      </Tap>
      {asking ? (
        <ConfirmStep question='确定注销吗？注销后不能恢复。' yes='确定注销' busy={action.busy} testId='close-account-confirm' onYes={() => void close()} onNo={() => setAsking(false)} />
      ) : (
        <Tap className='btn btn--danger' testId='close-account-ask' onTap={() => setAsking(true)}>
          注销我的账户
        </Tap>
      )}
      {action.error && <Notice kind='error' message={action.error} testId='close-account-error' />}
    </ElderPage>
  )
}

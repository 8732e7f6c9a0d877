import { useState } from 'react'
import { View } from '@tarojs/components'
import type { PrivacyNoticeView } from '@yilin/contract'
import { acceptPrivacyNotice } from '../../api/consent'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { LEGAL_VERSION } from '../../lib/legal'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'

interface Props {
  /** The community to talk to about closing the account, when the person has one. */
  communityName?: string
  onAccepted: (notice: PrivacyNoticeView) => void
}

/**
 * Asked before anything else of someone who has not accepted the privacy notice and user agreement in force
 * (a new version, or an account from before they were kept): both documents one tap away, and a plain answer.
 */
export function PrivacyConsent({ communityName, onAccepted }: Props) {
  const [declined, setDeclined] = useState(false)
  const action = useAction()
  // Relatives and volunteers close their account themselves; an elder's is closed with the community.
  const closesThemselves = ['family', 'volunteer'].includes(currentUser()?.role ?? '')

  const accept = () =>
    action.run(async () => {
      onAccepted(await acceptPrivacyNotice(LEGAL_VERSION))
    })

  return (
    <View className='card' data-testid='home-privacy'>
      <View className='card__title'>请先看一看隐私保护指引和用户协议</View>
      <View>颐邻会保存长辈的资料、订餐和上门记录，用来为长辈服务。我们更新了说明（版本 {LEGAL_VERSION}），请您看过后再继续使用。</View>
      <Tap className='btn btn--secondary' testId='home-privacy-notice' onTap={() => goTo('/pages/legal/index?doc=privacy')}>
        看《颐邻隐私保护指引》
      </Tap>
      <Tap className='btn btn--secondary' testId='home-privacy-terms' onTap={() => goTo('/pages/legal/index?doc=terms')}>
        看《颐邻用户协议》
      </Tap>
      {action.error && <Notice kind='error' message={action.error} testId='home-privacy-error' />}
      <Tap className='btn btn--primary btn--big' testId='home-privacy-accept' onTap={() => void accept()}>
        {action.busy ? '正在保存…' : '同意并继续'}
      </Tap>
      <Tap className='btn btn--secondary' testId='home-privacy-decline' onTap={() => setDeclined(true)}>
        不同意
      </Tap>
      {declined && (
        <Notice
          kind='info'
          testId='home-privacy-declined'
          message={`不同意的话，就不能使用颐邻了，您的资料不会被用于新的服务。${closesThemselves ? '想注销账号，点下面的“注销账户”。' : `想注销账号，请联系${communityName ?? '所在社区'}的工作者办理。`}改变主意了，随时点上面的“同意并继续”。`}
        />
      )}
      {declined && closesThemselves && (
        <Tap className='btn btn--secondary' testId='home-privacy-close-account' onTap={() => goTo('/pages/close-account/index')}>
          注销账户
        </Tap>
      )}
    </View>
  )
}

import { Button, View } from '@tarojs/components'
import { goTo } from '../lib/navigation'
import { answerPrivacyRequest, PRIVACY_AGREE_BUTTON, usePrivacyRequest } from '../lib/privacy'
import { Tap } from './Tap'

/**
 * Shown when WeChat waits for the person to agree to the privacy notice before a feature that needs it
 * (the nickname box, later the location for an SOS). Says what is asked and why, with the notice itself
 * one tap away; 不同意 leaves the feature off and everything else working.
 */
export function PrivacyPrompt() {
  const asking = usePrivacyRequest()
  if (!asking) return null
  return (
    <View className='privacy-prompt' data-testid='privacy-prompt'>
      <View className='card privacy-prompt__card'>
        <View className='card__title'>请先看一下隐私保护指引</View>
        <View>
          这一步要用到您的微信昵称等个人信息。颐邻只把它用在为您和家人提供的养老服务上，不会给无关的人。
        </View>
        <Tap className='link' testId='privacy-prompt-read' onTap={() => goTo('/pages/legal/index?doc=privacy')}>
          阅读《颐邻隐私保护指引》 ›
        </Tap>
        <Button
          className='btn btn--primary'
          id={PRIVACY_AGREE_BUTTON}
          openType='agreePrivacyAuthorization'
          data-testid='privacy-prompt-agree'
          onAgreePrivacyAuthorization={() => answerPrivacyRequest(true)}
        >
          同意并继续
        </Button>
        <Tap className='btn btn--secondary' testId='privacy-prompt-disagree' onTap={() => answerPrivacyRequest(false)}>
          不同意
        </Tap>
      </View>
    </View>
  )
}

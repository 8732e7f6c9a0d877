import { Button, View } from '@tarojs/components'
import type { LiveCodeView } from '@yilin/contract'
import { createBindingCode, revokeBindingCode } from '../api'
import { showInvitationCode } from '../lib/invitation'
import { OneTimeCodePanel } from './OneTimeCodePanel'

/**
 * In WeChat the elder sends the code to her son as a card (the page's share, with the code in its path);
 * in the browser there is no card, so the hint says where to find it.
 */
function SendToFamily() {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className='btn btn--secondary' openType='share' data-testid='binding-code-share'>
        发给家人（微信卡片）
      </Button>
    )
  }
  return (
    <View className='hint' data-testid='binding-code-share-hint'>
      在微信里打开时，可以点“发给家人”把邀请码直接发到家人的微信。
    </View>
  )
}

/**
 * Makes a one-time invitation code that a family member types in to be bound to this elder. The elder
 * reads it in their own voice and can send it as a WeChat card; a worker making one for the elder reads it
 * about the elder.
 */
export function BindingCodePanel({ elderId, live, forWorker = false }: { elderId: string; live?: LiveCodeView | null; forWorker?: boolean }) {
  return (
    <OneTimeCodePanel
      create={() => createBindingCode(elderId)}
      revoke={() => revokeBindingCode(elderId)}
      live={live}
      title={forWorker ? '为长辈邀请家人' : '邀请家人'}
      hint={
        forWorker
          ? '长辈同意后，把邀请码交给长辈的家人：家人在“绑定长辈”里输入，就能帮长辈办事、看长辈的资料。请确认是长辈本人认可的家人。'
          : '把邀请码告诉家人，家人在“绑定长辈”里输入，就能帮您办事、看您的资料。只告诉您信得过的家人。'
      }
      rule='24小时内有效，只能用一次'
      codeName='邀请码'
      testId='binding-code'
      onCode={forWorker ? undefined : showInvitationCode}
      whileShown={forWorker ? undefined : <SendToFamily />}
    />
  )
}

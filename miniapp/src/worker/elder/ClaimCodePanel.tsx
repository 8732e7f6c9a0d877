import type { LiveCodeView } from '@yilin/contract'
import { createClaimCode, revokeClaimCode } from '../../api'
import { OneTimeCodePanel } from '../../components/OneTimeCodePanel'

export const CLAIM_CODE_RULE = '请当面交给长辈本人：长辈用自己的微信打开小程序，选“我是长辈本人”，输入这 6 位数字。24小时内有效，只能用一次。'

/**
 * 长辈本人登录: a worker makes a one-time 本人登录码 and hands it to the elder in person, so the elder's
 * own WeChat becomes the elder's account (a first WeChat sign-in is otherwise a family account).
 */
export function ClaimCodePanel({ elderId, live }: { elderId: string; live?: LiveCodeView | null }) {
  return (
    <OneTimeCodePanel
      create={() => createClaimCode(elderId)}
      revoke={() => revokeClaimCode(elderId)}
      live={live}
      title='长辈本人登录'
      hint='长辈想用自己的微信登录时，在这里生成本人登录码，当面交给长辈。'
      rule={CLAIM_CODE_RULE}
      codeName='本人登录码'
      testId='claim-code'
    />
  )
}

import { claimElder } from '../../api'
import { ClaimAccountPage } from '../../components/ClaimAccountPage'

/**
 * 我是长辈本人: an elder who signed in with their own WeChat (and so got a family account) types in the
 * 本人登录码 a community worker gave them. The answer is a new session, now the elder's own.
 */
export default function ClaimPage() {
  return (
    <ClaimAccountPage
      title='我是长辈本人'
      hint='请把社区工作者当面给您的 6 位登录码填在下面。填好以后，您就用自己的微信订餐、看订单、管自己的资料。'
      codeName='登录码'
      submitLabel='确定，我是长辈本人'
      backLabel='我不是长辈本人，返回'
      help='还没有登录码？请到社区服务中心，或请社区工作者上门时帮您生成一个。'
      testId='claim'
      claim={claimElder}
    />
  )
}

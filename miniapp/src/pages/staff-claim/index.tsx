import { claimStaff } from '../../api'
import { ClaimAccountPage } from '../../components/ClaimAccountPage'

/**
 * 我是社区工作者/服务人员: a worker or staff member the county has added signs in with their own WeChat (and
 * so gets a new account) and types in the 岗位码 the county gave them. The answer is a new session, now
 * theirs as worker or staff.
 */
export default function StaffClaimPage() {
  return (
    <ClaimAccountPage
      title='我是社区工作者/服务人员'
      hint='请把县级平台给您的 6 位岗位码填在下面。填好以后，这个微信就是您的工作账号。'
      codeName='岗位码'
      submitLabel='确定'
      backLabel='返回'
      help='还没有岗位码，或者过期了？请找县级平台（总调度台）重新生成一个。'
      testId='staff-claim'
      claim={claimStaff}
    />
  )
}

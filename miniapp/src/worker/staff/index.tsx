import { useState } from 'react'
import { View } from '@tarojs/components'
import type { AddWorkerResponse, StaffMemberView } from '@yilin/contract'
import { listCentreStaff } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { OneTimeCode } from '../../components/OneTimeCode'
import { STAFF_CODE_RULE } from '../../lib/labels'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import { AddStaffForm } from './AddStaffForm'
import { StaffCard } from './StaffCard'
import '../worker.css'

/** 服务人员: who of the centre goes to elders' homes, in post first; add someone (their 岗位码 shown large), change, retire. */
export default function CentreStaffPage() {
  const centreId = currentUser()?.centreId || ''
  const loaded = useData(() => listCentreStaff(centreId), { onShow: true, enabled: centreId !== '' })
  const [added, setAdded] = useState<AddWorkerResponse | null>(null)
  const staff = loaded.data?.staff ?? []
  const inPost = staff.filter((member) => member.status !== 'retired')
  const retired = staff.filter((member) => member.status === 'retired')

  const replace = (next: StaffMemberView) =>
    loaded.setData((current) => ({ ...current, staff: current.staff.map((member) => (member.userId === next.userId ? next : member)) }))

  return (
    <ElderPage dense>
      <View className='page-title'>服务人员</View>
      {!centreId && <Notice kind='error' message='没有找到您所在的服务中心，请联系县级平台。' testId='staff-no-centre' />}
      {added && (
        <View className='card' data-testid='added-staff'>
          <View className='card__title'>
            已添加{added.worker.name}
            {added.code ? '，请把岗位码交给本人' : '，已绑定微信'}
          </View>
          {added.code && <OneTimeCode code={added.code.code} expiresAt={added.code.expiresAt} rule={STAFF_CODE_RULE} testId='added-staff-code' />}
        </View>
      )}
      {centreId && (
        <AddStaffForm
          centreId={centreId}
          onAdded={(result) => {
            setAdded(result)
            // The answer is the account, not the staff profile (工号, skills): the list is read again.
            void loaded.reload()
          }}
        />
      )}
      <DataStatus state={loaded} testId='staff-list' empty={{ when: (answer) => answer.staff.length === 0, message: '还没有服务人员，请在上面添加。' }} />
      {inPost.map((member) => (
        <StaffCard key={member.userId} member={member} onChanged={replace} />
      ))}
      {retired.length > 0 && <View className='section-title'>已离岗</View>}
      {retired.map((member) => (
        <StaffCard key={member.userId} member={member} onChanged={replace} />
      ))}
    </ElderPage>
  )
}

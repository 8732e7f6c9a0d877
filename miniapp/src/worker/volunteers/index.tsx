import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { volunteerStatusNames, type VolunteerView } from '@yilin/contract'
import { confirmVolunteer, listCommunityVolunteers, setPartyMember } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { ToggleButton } from '../../components/ToggleButton'
import { formatDateTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { workerPointsUrl } from '../../lib/wishes'
import { useData } from '../../shared/useData'
import '../worker.css'

interface RowProps {
  volunteer: VolunteerView
  onChanged: (volunteer: VolunteerView) => void
}

/** One volunteer: confirm after meeting them; once confirmed, mark them 党员 after checking. */
function VolunteerRow({ volunteer, onChanged }: RowProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const confirmed = volunteer.status === 'confirmed'
  const id = volunteer.userId

  async function act(change: () => Promise<{ volunteer: VolunteerView }>) {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      onChanged((await change()).volunteer)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='worker-row' data-testid={`worker-volunteer-${id}`}>
      <View className='worker-row__name'>
        {volunteer.name}
        {volunteer.partyMember ? ' · 党员' : ''}
      </View>
      <View className='worker-row__note'>
        {volunteer.phone} · {formatDateTime(volunteer.signedUpAt)} 报名
      </View>
      <View className={confirmed ? 'status status--done' : 'status status--new'} data-testid={`worker-volunteer-${id}-status`}>
        {confirmed ? '✓ ' : '… '}
        {volunteerStatusNames[volunteer.status]}
        {volunteer.confirmedBy ? `（${volunteer.confirmedBy.name} ${formatDateTime(volunteer.confirmedBy.at)}）` : ''}
      </View>
      {confirmed ? (
        <>
          <ToggleButton label='党员' on={volunteer.partyMember} testId={`worker-volunteer-${id}-party`} onChange={(on) => act(() => setPartyMember(id, on))} />
          <Tap className='btn btn--secondary' testId={`worker-volunteer-${id}-points`} label={`${volunteer.name}的积分`} onTap={() => goTo(workerPointsUrl(id))}>
            积分
          </Tap>
        </>
      ) : (
        <>
          <View className='hint'>见过本人、核对过电话后再确认。确认以后才能标记党员。</View>
          <Tap className='btn btn--primary' testId={`worker-volunteer-${id}-confirm`} onTap={() => act(() => confirmVolunteer(id))}>
            {busy ? '正在确认…' : '确认这位志愿者'}
          </Tap>
        </>
      )}
      {error && <Notice kind='error' message={error} testId={`worker-volunteer-${id}-error`} />}
    </View>
  )
}

/** The volunteers of the worker's community: those waiting to be confirmed first. */
export default function CommunityVolunteersPage() {
  const { params } = useRouter()
  const communityId = params.communityId || currentUser()?.communityId || ''
  const loaded = useData(() => listCommunityVolunteers(communityId), { onShow: true, enabled: communityId !== '' })
  const volunteers = loaded.data?.items
  const waiting = volunteers?.filter((volunteer) => volunteer.status === 'pending').length ?? 0

  function changed(next: VolunteerView) {
    loaded.setData((current) => ({ ...current, items: current.items.map((item) => (item.userId === next.userId ? next : item)) }))
  }

  return (
    <ElderPage dense>
      <View className='page-title'>本社区志愿者</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='worker-volunteers-error' />}
      {volunteers && volunteers.length > 0 && (
        <View className='hint' data-testid='worker-volunteers-waiting'>
          {waiting > 0 ? `有 ${waiting} 位志愿者等您确认。` : '报名的志愿者都已确认。'}
        </View>
      )}
      <DataStatus
        state={loaded}
        testId='worker-volunteers'
        empty={{ when: (page) => page.items.length === 0, message: '还没有人报名本社区的志愿者。' }}
      />
      {volunteers?.map((volunteer) => <VolunteerRow key={volunteer.userId} volunteer={volunteer} onChanged={changed} />)}
    </ElderPage>
  )
}

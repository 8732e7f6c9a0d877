import { View } from '@tarojs/components'
import { volunteerStatusNames, type MeResponse } from '@yilin/contract'
import { formatDateTime } from '../../lib/format'

/**
 * A volunteer's home says what they can do today: whether the community has confirmed them (and what
 * happens next if not), the 党员 mark, their community, and that wishes and points are on their way.
 */
export function VolunteerHome({ me }: { me: MeResponse }) {
  const volunteer = me.volunteer
  // An account made a volunteer before sign-ups were kept has no record to show.
  if (!volunteer) {
    return (
      <View className='card' data-testid='home-volunteer-today'>
        <View className='card__title'>志愿者</View>
        <View>您是本社区的志愿者。</View>
        <View className='hint'>认领微心愿、攒积分换东西，这两项功能正在准备，上线后就在这里。</View>
      </View>
    )
  }
  const confirmed = volunteer.status === 'confirmed'
  const communityName = volunteer.communityName || me.community?.name || ''
  return (
    <View className='card' data-testid='home-volunteer-today'>
      <View className='card__title'>今天您能做什么</View>
      <View className={confirmed ? 'status status--done' : 'status status--new'} data-testid='home-volunteer-status'>
        {confirmed ? '✓ ' : '… '}
        {volunteerStatusNames[volunteer.status]}
      </View>
      {volunteer.partyMember && (
        <View className='status status--ok' data-testid='home-volunteer-party'>
          ★ 党员
        </View>
      )}
      <View data-testid='home-volunteer-community'>所在社区：{communityName}</View>
      {confirmed ? (
        <View data-testid='home-volunteer-next'>
          {volunteer.confirmedBy ? `${volunteer.confirmedBy.name}已于 ${formatDateTime(volunteer.confirmedBy.at)} 确认您是本社区的志愿者。` : '社区已经确认您是本社区的志愿者。'}
          社区有长辈需要帮忙时，会打您的电话 {volunteer.phone}。
        </View>
      ) : (
        <View data-testid='home-volunteer-next'>
          您的报名已经交给{communityName}。社区工作者会打您的电话 {volunteer.phone}，约您见一面；确认以后，您就可以认领长辈的微心愿、上门帮忙。
        </View>
      )}
      <View className='hint' data-testid='home-volunteer-coming'>认领微心愿、攒积分换东西，这两项功能正在准备，上线后就在这里。</View>
    </View>
  )
}

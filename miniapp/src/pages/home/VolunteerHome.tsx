import { View } from '@tarojs/components'
import { volunteerStatusNames, type MeResponse } from '@yilin/contract'
import { Tap } from '../../components/Tap'
import { formatDateTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { LEADERBOARD_URL, MY_WISHES_URL, pointsUrl, WALL_URL } from '../../lib/wishes'

function Tile({ testId, title, note, url }: { testId: string; title: string; note: string; url: string }) {
  return (
    <Tap className='tile' testId={testId} onTap={() => goTo(url)}>
      <View className='tile__title'>{title}</View>
      <View className='tile__note'>{note}</View>
    </Tap>
  )
}

/**
 * What a volunteer can open: a confirmed one the wall, their claimed wishes, their points and the month's
 * leaderboard; one not yet confirmed only the wall, to see what the elders wish for.
 */
function VolunteerTiles({ confirmed }: { confirmed: boolean }) {
  if (!confirmed) {
    return <Tile testId='home-tile-wall' title='心愿墙' note='先看看长辈们有什么心愿，社区确认后就能认领' url={WALL_URL} />
  }
  return (
    <View>
      <Tile testId='home-tile-wall' title='心愿墙' note='长辈们的微心愿，挑一个认领' url={WALL_URL} />
      <Tile testId='home-tile-my-wishes' title='我认领的心愿' note='正在办的、已经实现的' url={MY_WISHES_URL} />
      <Tile testId='home-tile-points' title='我的积分' note='积分明细，去积分超市兑换' url={pointsUrl()} />
      <Tile testId='home-tile-leaderboard' title='本月排行' note='本社区志愿者这个月的积分' url={LEADERBOARD_URL} />
    </View>
  )
}

/**
 * A volunteer's home says what they can do today: whether the community has confirmed them (and what
 * happens next if not), the 党员 mark, their community, and the way to the wishes and points.
 */
export function VolunteerHome({ me }: { me: MeResponse }) {
  const volunteer = me.volunteer
  // An account made a volunteer before sign-ups were kept has no record to show: the wall says what it may do.
  if (!volunteer) {
    return (
      <View>
        <View className='card' data-testid='home-volunteer-today'>
          <View className='card__title'>志愿者</View>
          <View>您是本社区的志愿者。到心愿墙看看长辈们的微心愿吧。</View>
        </View>
        <VolunteerTiles confirmed={false} />
      </View>
    )
  }
  const confirmed = volunteer.status === 'confirmed'
  const communityName = volunteer.communityName || me.community?.name || ''
  return (
    <View>
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
        {!confirmed && (
          <View className='hint' data-testid='home-volunteer-wait'>
            认领微心愿、攒积分换东西，都从社区确认以后开始。现在可以先到心愿墙看看长辈们的心愿。
          </View>
        )}
      </View>
      <VolunteerTiles confirmed={confirmed} />
    </View>
  )
}

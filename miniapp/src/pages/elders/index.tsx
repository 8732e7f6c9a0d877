import { View } from '@tarojs/components'
import { getMe } from '../../api'
import { ElderPage } from '../../components/ElderPage'
import { DataStatus } from '../../components/DataStatus'
import { familyRelationNames } from '@yilin/contract'
import { elderTitleSuffix, mobilityText } from '../../lib/labels'
import { goBackOrHome, goTo } from '../../lib/navigation'
import { currentElderId, setCurrentElderId } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import './index.css'

/** A family member bound to several elders picks whose affairs they are handling now. */
export default function EldersPage() {
  const elders = useData(async () => (await getMe()).boundElders ?? [], { onShow: true })
  const chosenId = currentElderId()

  function choose(elderId: string) {
    setCurrentElderId(elderId)
    goBackOrHome()
  }

  return (
    <ElderPage>
      <View className='page-title'>您照看的长辈</View>
      <DataStatus state={elders} testId='elders' empty={{ when: (list) => list.length === 0, message: '您还没有绑定长辈。' }} />
      {elders.data?.map((elder) => {
        const chosen = elder.elderId === chosenId
        return (
          <Tap
            key={elder.elderId}
            className={chosen ? 'elder-choice elder-choice--current' : 'elder-choice'}
            testId={`elders-row-${elder.elderId}`}
            onTap={() => choose(elder.elderId)}
          >
            <View className='elder-choice__name'>
              {elder.name}
              {elderTitleSuffix(elder)}
              {chosen ? ' ✓ 正在照看' : ''}
            </View>
            <View className='elder-choice__note'>
              {elder.relation ? `您是${familyRelationNames[elder.relation]} · ` : ''}
              {elder.age} 岁 · {elder.communityName} · {mobilityText(elder.mobilityLimited)}
            </View>
          </Tap>
        )
      })}
      <Tap className='btn btn--secondary' testId='elders-bind-new' onTap={() => goTo('/pages/binding/index')}>
        ＋ 绑定另一位长辈
      </Tap>
    </ElderPage>
  )
}

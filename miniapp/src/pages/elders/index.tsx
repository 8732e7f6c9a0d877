import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderSummary } from '@yilin/functions/src/schemas/people'
import { getMe } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { mobilityText } from '../../lib/labels'
import { goBackOrHome, goTo } from '../../lib/navigation'
import { currentElderId, setCurrentElderId } from '../../lib/session'
import { Tap } from '../../components/Tap'
import './index.css'

/** A family member bound to several elders picks whose affairs they are handling now. */
export default function EldersPage() {
  const [elders, setElders] = useState<ElderSummary[] | null>(null)
  const [error, setError] = useState('')
  const chosenId = currentElderId()

  useDidShow(() => {
    getMe()
      .then((me) => setElders(me.boundElders ?? []))
      .catch((err) => setError(messageOf(err)))
  })

  function choose(elderId: string) {
    setCurrentElderId(elderId)
    goBackOrHome()
  }

  return (
    <ElderPage>
      <View className='page-title'>您照看的长辈</View>
      {error && <Notice kind='error' message={error} testId='elders-error' />}
      {!elders && !error && <Loading />}
      {elders?.length === 0 && <Notice kind='info' message='您还没有绑定长辈。' testId='elders-empty' />}
      {elders?.map((elder) => {
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
              {chosen ? '（✓ 正在照看）' : ''}
            </View>
            <View className='elder-choice__note'>
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

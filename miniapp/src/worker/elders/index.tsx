import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { listCommunityElders } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { mobilityText, subsidyCategoryNames } from '../../lib/labels'
import { goTo, queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import '../worker.css'

const PAGE_SIZE = 20

/** Elders of the worker's own community, or of the community an admin picked. */
export default function CommunityEldersPage() {
  const { params } = useRouter()
  const communityId = params.communityId || currentUser()?.communityId || ''
  const loaded = useData(() => listCommunityElders(communityId, undefined, PAGE_SIZE), { onShow: true, enabled: communityId !== '' })
  const elders = loaded.data?.items
  const cursor = loaded.data?.cursor
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState('')

  async function more() {
    if (busy || !cursor) return
    setBusy(true)
    setMoreError('')
    try {
      const page = await listCommunityElders(communityId, cursor, PAGE_SIZE)
      loaded.setData((current) => ({ ...current, items: [...current.items, ...page.items], cursor: page.cursor }))
    } catch (err) {
      setMoreError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ElderPage dense>
      <View className='page-title'>{params.name ? decodeURIComponent(params.name) : '本社区长辈'}</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='worker-elders-error' />}
      <DataStatus
        state={loaded}
        testId='worker-elders'
        empty={{ when: (page) => page.items.length === 0, message: '这个社区还没有登记的长辈。' }}
      />
      {elders?.map((elder) => (
        <Tap
          key={elder.elderId}
          className='worker-row'
          testId={`worker-elder-row-${elder.elderId}`}
          onTap={() => goTo(`/worker/elder/index${queryString({ elderId: elder.elderId })}`)}
        >
          <View className='worker-row__name'>
            {elder.name} · {elder.age} 岁
          </View>
          <View className='worker-row__note'>
            {elder.subsidyCategoryVerified ? `${subsidyCategoryNames[elder.subsidyCategoryVerified]}（✓ 已核实）` : '待核实'} ·{' '}
            {mobilityText(elder.mobilityLimited)}
          </View>
        </Tap>
      ))}
      {moreError && <Notice kind='error' message={moreError} testId='worker-elders-more-error' />}
      {cursor && (
        <Tap className='btn btn--secondary' testId='worker-elders-more' onTap={more}>
          {busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </ElderPage>
  )
}

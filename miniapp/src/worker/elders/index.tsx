import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderSummary } from '@yilin/functions/src/schemas/people'
import { listCommunityElders } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { mobilityText, subsidyCategoryNames } from '../../lib/labels'
import { goTo, queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
import '../worker.css'

const PAGE_SIZE = 20

/** Elders of the worker's own community, or of the community an admin picked. */
export default function CommunityEldersPage() {
  const { params } = useRouter()
  const communityId = params.communityId || currentUser()?.communityId || ''
  const [elders, setElders] = useState<ElderSummary[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function load(from?: string) {
    if (!communityId) {
      setError('没有找到您所在的社区，请联系县级平台。')
      return
    }
    setBusy(true)
    setError('')
    try {
      const page = await listCommunityElders(communityId, from, PAGE_SIZE)
      setElders((list) => (from ? [...(list ?? []), ...page.items] : page.items))
      setCursor(page.cursor)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  useDidShow(() => {
    void load()
  })

  return (
    <ElderPage dense>
      <View className='page-title'>{params.name ? decodeURIComponent(params.name) : '本社区长辈'}</View>
      {!elders && !error && <Loading />}
      {elders?.length === 0 && <Notice kind='info' message='这个社区还没有登记的长辈。' testId='worker-elders-empty' />}
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
      {error && <Notice kind='error' message={error} testId='worker-elders-error' />}
      {cursor && (
        <Tap className='btn btn--secondary' testId='worker-elders-more' onTap={() => !busy && load(cursor)}>
          {busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </ElderPage>
  )
}

import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import { abilityNames, livingSituationNames } from '@yilin/contract'
import { listCommunityElders, type CommunityEldersFilter } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { mobilityText, subsidyCategoryNames } from '../../lib/labels'
import { goTo, queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { ToggleButton } from '../../components/ToggleButton'
import { inputName } from '../../lib/a11y'
import { useData } from '../../shared/useData'
import { EldersFilters } from './EldersFilters'
import '../worker.css'

const PAGE_SIZE = 20

/** Elders of the worker's own community, or of the community an admin picked. */
export default function CommunityEldersPage() {
  const { params } = useRouter()
  const communityId = params.communityId || currentUser()?.communityId || ''
  // Only a worker registers, and only in their own community (an admin looks at any community of the county).
  const isWorker = currentUser()?.role === 'worker'
  // What is typed stays in the box; the list follows it when 找 is tapped (not at every keystroke).
  const [typed, setTyped] = useState('')
  const [name, setName] = useState('')
  const [pending, setPending] = useState(false)
  const [choices, setChoices] = useState<Omit<CommunityEldersFilter, 'name' | 'pending'>>({})
  const filter: CommunityEldersFilter = { name, pending, ...choices }
  const filtered = name !== '' || pending || Object.values(choices).some(Boolean)
  const loaded = useData(() => listCommunityElders(communityId, undefined, PAGE_SIZE, filter), {
    onShow: true,
    enabled: communityId !== '',
    deps: [name, pending, choices.ability, choices.livingSituation, choices.category],
  })
  const elders = loaded.data?.items
  const cursor = loaded.data?.cursor
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState('')

  async function more() {
    if (busy || !cursor) return
    setBusy(true)
    setMoreError('')
    try {
      const page = await listCommunityElders(communityId, cursor, PAGE_SIZE, filter)
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
      {isWorker && communityId && (
        <Tap className='btn btn--primary' testId='worker-elders-register' onTap={() => goTo('/worker/register/index')}>
          ＋ 建档（登记新长辈）
        </Tap>
      )}
      {isWorker && communityId && (
        <Tap className='btn btn--secondary' testId='worker-elders-import' onTap={() => goTo('/worker/import/index')}>
          从表格导入（社区已有的长辈名单）
        </Tap>
      )}
      <View className='search'>
        <Input
          className='input search__input'
          {...inputName('按姓名找长辈')}
          value={typed}
          maxlength={20}
          placeholder='输入姓名，如 王'
          confirmType='search'
          data-testid='worker-elders-search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setName(typed.trim())}
        />
        <Tap className='btn btn--primary search__go' testId='worker-elders-search-go' onTap={() => setName(typed.trim())}>
          找
        </Tap>
      </View>
      <ToggleButton label='只看待核实' on={pending} testId='worker-elders-pending' onChange={setPending} />
      <EldersFilters value={choices} onChange={setChoices} />
      <DataStatus
        state={loaded}
        testId='worker-elders'
        empty={{ when: (page) => page.items.length === 0, message: filtered ? '没有找到符合的长辈。' : '这个社区还没有登记的长辈。' }}
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
            {elder.livingSituation ? ` · ${livingSituationNames[elder.livingSituation]}` : ''}
            {elder.ability ? ` · ${abilityNames[elder.ability]}` : ''}
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

import { useState } from 'react'
import { View } from '@tarojs/components'
import type { RedemptionView, StoreItemView, StoreResponse } from '@yilin/contract'
import { getStore, listRedemptions } from '../../api/wishes'
import { Choices } from '../../components/Choices'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import { ItemForm } from './ItemForm'
import { PastRow, WaitingRow } from './Redemptions'
import { RestockForm } from './RestockForm'
import { useAction } from '../../shared/useAction'
import '../worker.css'

const sections = ['waiting', 'items', 'past'] as const
type Section = (typeof sections)[number]

/** What the page shows instead of the lists: an item's form (none for a new one), or its restock. */
type Editing = { form: 'item'; item?: StoreItemView } | { form: 'restock'; item: StoreItemView } | null

async function pastRedemptions(communityId: string): Promise<RedemptionView[]> {
  const [handed, cancelled] = await Promise.all([listRedemptions(communityId, 'handed'), listRedemptions(communityId, 'cancelled')])
  const at = (redemption: RedemptionView) => redemption.handedAt ?? redemption.cancelledAt ?? redemption.createdAt
  return [...handed.items, ...cancelled.items].sort((a, b) => at(b).localeCompare(at(a)))
}

function WindowState({ store }: { store: StoreResponse }) {
  return (
    <View className='card' data-testid='store-window'>
      <View className={store.redemption.open ? 'status status--done' : 'status status--off'} data-testid='store-window-open'>
        {store.redemption.open ? '✓ 现在是兑换期' : '✕ 现在不在兑换期'}
      </View>
      <View>{store.redemption.text}</View>
      <View className='worker-row__note'>{store.eldersRedeem ? '志愿者和长辈都能兑换。' : '只有志愿者能兑换。'}</View>
    </View>
  )
}

function ItemRow({ item, onEdit, onRestock }: { item: StoreItemView; onEdit: () => void; onRestock: () => void }) {
  const testId = `store-item-${item.itemId}`
  return (
    <View className='worker-row' data-testid={testId}>
      <View className='board-row__head'>
        <View className='worker-row__name'>{item.name}</View>
        <View>{item.pricePoints} 积分</View>
        <View className={item.active ? 'status status--done' : 'status status--off'} data-testid={`${testId}-active`}>
          {item.active ? '✓ 上架' : '✕ 下架'}
        </View>
      </View>
      <View className={item.stock === 0 ? 'board-row__decide' : ''} data-testid={`${testId}-stock`}>
        库存 {item.stock} 件{item.stock === 0 ? '，换不了了，请补货' : ''}
      </View>
      {item.description && <View className='worker-row__note'>{item.description}</View>}
      <View className='board-row__actions'>
        <Tap className='btn btn--secondary board-action' testId={`${testId}-restock`} label={`${item.name}补货或调库存`} onTap={onRestock}>
          补货 / 调库存
        </Tap>
        <Tap className='btn btn--secondary board-action' testId={`${testId}-edit`} label={`修改${item.name}`} onTap={onEdit}>
          修改
        </Tap>
      </View>
    </View>
  )
}

/** 积分超市: what waits to be handed over at the centre first, then the items and their stock, then what is over. */
export default function StorePage() {
  const communityId = currentUser()?.communityId || ''
  const [section, setSection] = useState<Section>('waiting')
  const [editing, setEditing] = useState<Editing>(null)
  const [done, setDone] = useState('')
  const ready = communityId !== ''
  // Loading pauses while a form is open, so a page shown again never replaces what is being typed.
  const store = useData(() => getStore(communityId), { onShow: true, enabled: ready && editing === null })
  const waiting = useData(() => listRedemptions(communityId, 'waiting'), { onShow: true, enabled: ready && editing === null })
  const past = useData(() => pastRedemptions(communityId), { deps: [section], enabled: ready && section === 'past' })
  const waitingItems = waiting.data?.items ?? []
  const waitingCount = waiting.data ? `（${waitingItems.length}${waiting.data.cursor ? '+' : ''}）` : ''
  const names: Record<Section, string> = { waiting: `待领取${waitingCount}`, items: '物品和库存', past: '已领取/已取消' }

  function open(next: Editing) {
    setDone('')
    setEditing(next)
  }

  function savedItem(saved: StoreItemView, message: string) {
    store.setData((current) => {
      const known = current.items.some((item) => item.itemId === saved.itemId)
      return { ...current, items: known ? current.items.map((item) => (item.itemId === saved.itemId ? saved : item)) : [...current.items, saved] }
    })
    setEditing(null)
    setDone(message)
  }

  const more = useAction()
  const moreWaiting = () =>
    more.run(async () => {
      const cursor = waiting.data?.cursor
      if (!cursor) return
      const page = await listRedemptions(communityId, 'waiting', cursor)
      waiting.setData((current) => ({ items: [...current.items, ...page.items], cursor: page.cursor }))
    })

  function redemptionDone(redemption: RedemptionView, message: string) {
    waiting.setData((current) => ({ ...current, items: current.items.filter((item) => item.redemptionId !== redemption.redemptionId) }))
    setDone(message)
    // A cancelled redemption puts its item back in stock.
    if (redemption.status === 'cancelled') void store.reload()
  }

  if (editing?.form === 'item') {
    const item = editing.item
    return (
      <ElderPage dense>
        <ItemForm communityId={communityId} item={item} onSaved={(saved) => savedItem(saved, item ? `“${saved.name}”已保存。` : `已添加“${saved.name}”。`)} onCancel={() => setEditing(null)} />
      </ElderPage>
    )
  }
  if (editing?.form === 'restock') {
    return (
      <ElderPage dense>
        <RestockForm communityId={communityId} item={editing.item} onSaved={(saved) => savedItem(saved, `“${saved.name}”现有 ${saved.stock} 件。`)} onCancel={() => setEditing(null)} />
      </ElderPage>
    )
  }

  return (
    <ElderPage dense>
      <View className='page-title'>{store.data ? `${store.data.communityName} · 积分超市` : '积分超市'}</View>
      {!ready && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='store-no-community' />}
      {store.data && <WindowState store={store.data} />}
      {done && <Notice kind='success' message={done} testId='store-done' />}
      <Choices options={sections} names={names} value={section} onChange={setSection} testId='store-section' label='看哪一部分' />

      {section === 'waiting' && (
        <View data-testid='store-waiting'>
          <DataStatus state={waiting} testId='store-waiting' empty={{ when: (page) => page.items.length === 0, message: '没有等领取的兑换。' }} />
          {waitingItems.map((redemption) => (
            <WaitingRow key={redemption.redemptionId} redemption={redemption} onDone={redemptionDone} />
          ))}
          {more.error && <Notice kind='error' message={more.error} testId='store-waiting-more-error' />}
          {waiting.data?.cursor && (
            <Tap className='btn btn--secondary' testId='store-waiting-more' onTap={() => void moreWaiting()}>
              {more.busy ? '正在加载…' : '再看更多'}
            </Tap>
          )}
        </View>
      )}

      {section === 'items' && (
        <View data-testid='store-items'>
          <DataStatus state={store} testId='store-items' />
          {store.data && (
            <>
              <Tap className='btn btn--primary' testId='store-add' onTap={() => open({ form: 'item' })}>
                ＋ 添加物品
              </Tap>
              {store.data.items.length === 0 && <View className='hint' data-testid='store-items-empty'>还没有可以兑换的物品。</View>}
              {store.data.items.map((item) => (
                <ItemRow key={item.itemId} item={item} onEdit={() => open({ form: 'item', item })} onRestock={() => open({ form: 'restock', item })} />
              ))}
            </>
          )}
        </View>
      )}

      {section === 'past' && (
        <View data-testid='store-past'>
          <DataStatus state={past} testId='store-past' empty={{ when: (items) => items.length === 0, message: '还没有领取或取消的兑换。' }} />
          {past.data?.map((redemption) => (
            <PastRow key={redemption.redemptionId} redemption={redemption} />
          ))}
        </View>
      )}

      <Tap className='btn btn--secondary' testId='store-rules' onTap={() => goTo('/worker/wish-settings/index')}>
        兑换期和谁能兑换，在“心愿和积分规则”里改
      </Tap>
    </ElderPage>
  )
}

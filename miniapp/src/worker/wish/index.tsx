import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import type { WishView } from '@yilin/contract'
import { confirmWish, getWish, releaseWish } from '../../api/wishes'
import { BookingTimeline } from '../../components/BookingDetails'
import { ConfirmStep } from '../../components/ConfirmStep'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { ReviewPanel } from './ReviewPanel'
import { AsPosted, WishDelivery, WishFacts } from './WishFacts'
import '../worker.css'
import './index.css'

type Asking = 'confirm' | 'release' | null

/** One wish for the community: review it, confirm receipt for the elder, or take a stalled claim back. */
export default function WorkerWishPage() {
  const { params } = useRouter()
  const wishId = params.wishId || ''
  const loaded = useData(
    async () => {
      const { wish } = await getWish(wishId)
      return { wish, elderName: wish.elderName ?? null }
    },
    { onShow: true, enabled: wishId !== '' },
  )
  const [asking, setAsking] = useState<Asking>(null)
  const action = useAction()
  const wish = loaded.data?.wish

  function changed(next: WishView, message: string) {
    setAsking(null)
    loaded.setData((current) => ({ ...current, wish: next }))
    action.setDone(message)
  }

  const write = (send: () => Promise<{ wish: WishView }>, message: string) =>
    action.run(async () => {
      const { wish: next } = await send()
      changed(next, message)
    })

  return (
    <ElderPage dense>
      {!wishId && <Notice kind='error' message='没有指定心愿，请从“微心愿”进入。' testId='wish-missing' />}
      <DataStatus state={loaded} testId='wish' />
      {action.done && <Notice kind='success' message={action.done} testId='wish-done' />}
      {action.error && <Notice kind='error' message={action.error} testId='wish-error' />}
      {wish && loaded.data && (
        <>
          <WishFacts wish={wish} elderName={loaded.data.elderName} />
          {wish.can.review && <ReviewPanel key={wish.wishId} wish={wish} onDone={changed} />}

          {asking === 'confirm' && (
            <ConfirmStep
              question={`确定${wish.elderDisplay}已经收到“${wish.title}”了吗？确认后心愿算实现，志愿者得到积分。`}
              yes='确定已收到'
              busy={action.busy}
              onYes={() => void write(() => confirmWish(wish.wishId), '已替长辈确认收到，心愿已实现。')}
              onNo={() => setAsking(null)}
              testId='wish-confirm-ask'
            />
          )}
          {asking === 'release' && (
            <ConfirmStep
              question={`确定收回${wish.claimer?.name ?? '志愿者'}的认领吗？心愿会放回心愿墙，别的志愿者可以认领。`}
              yes='确定收回'
              busy={action.busy}
              onYes={() => void write(() => releaseWish(wish.wishId), '已收回认领，心愿放回了心愿墙。')}
              onNo={() => setAsking(null)}
              testId='wish-release-ask'
            />
          )}
          {asking === null && wish.can.confirm && (
            <Tap className='btn btn--primary' testId='wish-confirm' onTap={() => setAsking('confirm')}>
              代长辈确认收到
            </Tap>
          )}
          {asking === null && wish.can.release && (
            <Tap className='btn btn--secondary' testId='wish-release' onTap={() => setAsking('release')}>
              收回认领（放回心愿墙）
            </Tap>
          )}

          <WishDelivery wish={wish} />
          <AsPosted wish={wish} />
          {wish.timeline && wish.timeline.length > 0 && <BookingTimeline entries={wish.timeline} testId='wish-timeline' />}
        </>
      )}
    </ElderPage>
  )
}

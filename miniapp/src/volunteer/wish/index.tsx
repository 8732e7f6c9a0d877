import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { WishView } from '@yilin/contract'
import { getMe } from '../../api'
import { claimWish, getWish, releaseWish } from '../../api/wishes'
import { ApiError } from '../../api/client'
import { ConfirmStep } from '../../components/ConfirmStep'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { PartyBadge } from '../../components/PartyBadge'
import { PhoneLink } from '../../components/PhoneLink'
import { Photo } from '../../components/Photo'
import { Tap } from '../../components/Tap'
import { WallStatusBadge } from '../../components/WallStatusBadge'
import { dayOf } from '../../components/WallWishCard'
import { wishValueText } from '../../components/WishCard'
import { formatDateTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { MY_WISHES_URL, WALL_URL } from '../../lib/wishes'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { DeliverForm } from './DeliverForm'
import './index.css'
import { askToSubscribe } from '../../lib/subscribe'

/** Answers meaning the wish changed under the volunteer (someone else claimed it first…): the page shows it as it is now. */
const STALE = new Set(['WISH_TAKEN', 'WISH_CHANGED', 'WISH_NOT_PUBLISHED'])

interface Loaded {
  wish: WishView
  /** Why a wish on the wall cannot be claimed by this volunteer, in words; '' when it can, or is not on the wall. */
  whyNot: string
}

async function whyNotClaimable(): Promise<string> {
  const volunteer = (await getMe().catch(() => null))?.volunteer
  if (volunteer && volunteer.status !== 'confirmed') {
    return '社区还没有确认您的志愿者报名，确认以后才能认领心愿。社区工作者会打电话约您见一面。'
  }
  return '这个心愿您现在不能认领，可以看看心愿墙上别的心愿。'
}

async function loadWish(wishId: string): Promise<Loaded> {
  const { wish } = await getWish(wishId)
  return { wish, whyNot: wish.status === 'published' && !wish.can.claim ? await whyNotClaimable() : '' }
}

/** Where and how to hand the wish over: only the claimer sees it. */
function Handover({ wish, detail }: { wish: WishView; detail: NonNullable<WishView['handoverDetail']> }) {
  return (
    <View className='card' data-testid='wish-handover'>
      <View className='card__title'>怎么交给长辈</View>
      <Field label='交付方式'>{wish.handoverName}</Field>
      <Field label='地点' testId='wish-handover-place'>
        {detail.place}
      </Field>
      {detail.address && (
        <Field label='地址' testId='wish-handover-address'>
          {detail.address}
        </Field>
      )}
      {detail.phone && (
        <View className='field'>
          <View className='field__label'>去之前先打个电话（点一下就能拨打）</View>
          <PhoneLink phone={detail.phone} name={wish.handover === 'home' ? wish.elderDisplay : detail.place} testId='wish-phone' />
        </View>
      )}
      {wish.status === 'claimed' && wish.claimDeadline && (
        <View className='wish-deadline' data-testid='wish-deadline'>
          请在 {formatDateTime(wish.claimDeadline)} 前办好；过了这个时间，心愿会回到心愿墙。
        </View>
      )}
    </View>
  )
}

/** A realised wish: the points it earned and the elder's thanks, addressed to the volunteer (党员 marked, as on the wall). */
function Realised({ wish }: { wish: WishView }) {
  return (
    <View className='card wish-thanks' data-testid='wish-realised'>
      <View className='card__title'>★ 心愿实现了，谢谢您！</View>
      {wish.points !== undefined && (
        <View className='wish-thanks__points' data-testid='wish-points'>
          +{wish.points} 积分
        </View>
      )}
      {wish.thanks ? (
        <View data-testid='wish-thanks'>
          <View className='wish-thanks__to' data-testid='wish-thanks-to'>
            致志愿者 {wish.thanks.to.name}
            {wish.thanks.to.partyMember && <PartyBadge testId='wish-thanks-party' />}
          </View>
          <View className='wish-thanks__message'>“{wish.thanks.message}”</View>
          <View className='wish-thanks__by'>
            —— {wish.thanks.byName}，{formatDateTime(wish.thanks.at)}
          </View>
        </View>
      ) : (
        <View className='hint'>长辈那边写了感谢的话，会显示在这里。</View>
      )}
    </View>
  )
}

/** What the volunteer wrote (and the photo) when saying it was done. */
function Delivery({ delivery }: { delivery: NonNullable<WishView['delivery']> }) {
  return (
    <View className='card' data-testid='wish-delivery'>
      <View className='card__title'>您的留言</View>
      <View>{delivery.message}</View>
      <View className='hint'>{formatDateTime(delivery.at)}</View>
      {delivery.photoUrl && <Photo src={delivery.photoUrl} name='交付时拍' className='wish-photo' testId='wish-delivery-photo' />}
    </View>
  )
}

/**
 * One wish, for a volunteer: what it is, then what they can do with it now. Before claiming, a big
 * 认领这个心愿 (asked once more); after, how to hand it over, by when, 我已办好 and 放弃认领; once realised,
 * the points earned and the elder's thanks.
 */
export default function VolunteerWishPage() {
  const { params } = useRouter()
  const [delivering, setDelivering] = useState(false)
  const view = useData<Loaded | null>(async () => (params.wishId ? loadWish(params.wishId) : null), { onShow: true, enabled: !delivering })
  const wish = view.data?.wish
  const [asking, setAsking] = useState<'claim' | 'release' | null>(null)
  const [said, setSaid] = useState('')
  // Another volunteer was quicker: the wish is theirs now and no longer on the wall to open again.
  const [lost, setLost] = useState(false)
  const action = useAction()

  function changed(next: WishView, message: string) {
    view.setData({ wish: next, whyNot: '' })
    setSaid(message)
    setAsking(null)
    setDelivering(false)
  }

  const act = (change: () => Promise<{ wish: WishView }>, message: string) =>
    action.run(async () => {
      setSaid('')
      try {
        changed((await change()).wish, message)
      } catch (err) {
        setAsking(null)
        if (err instanceof ApiError && err.code === 'WISH_TAKEN') setLost(true)
        else if (err instanceof ApiError && STALE.has(err.code)) void view.reload()
        throw err
      }
    })

  const takenByOther = lost || (wish && (wish.status === 'claimed' || wish.status === 'delivered') && !wish.handoverDetail)
  return (
    <ElderPage>
      <View className='page-title' data-testid='wish-title'>
        {wish ? wish.title : '微心愿'}
      </View>
      {view.data === null && <Notice kind='info' message='没有找到这个心愿，请回到心愿墙重新选。' testId='wish-missing' />}
      <DataStatus state={view} testId='wish' />
      {wish && (
        <>
          <WallStatusBadge status={wish.status} name={wish.statusName} testId='wish-status' />
          <View className='card' data-testid='wish-facts'>
            {wish.story && <View className='wish-story'>{wish.story}</View>}
            <Field label='谁的心愿'>
              {wish.elderDisplay} · {wish.communityName}
            </Field>
            <Field label='类别'>{wish.categoryName}</Field>
            <Field label='价值'>{wishValueText(wish.valueFen)}</Field>
            <Field label='交付方式'>{wish.handoverName}</Field>
            <Field label='发布日期'>{dayOf(wish.postedAt)}</Field>
            {wish.claimer && (
              <Field label='认领的志愿者' testId='wish-claimer'>
                {wish.claimer.name}
                {wish.claimer.partyMember ? ' ★党员' : ''}
              </Field>
            )}
          </View>
          {said && <Notice kind='success' message={said} testId='wish-done' />}
          {action.error && !lost && <Notice kind='error' message={action.error} testId='wish-error' />}
          {view.data?.whyNot && <Notice kind='info' message={view.data.whyNot} testId='wish-why-not' />}
          {takenByOther && <Notice kind='info' message='这个心愿已经有志愿者认领了，看看心愿墙上别的心愿吧。' testId='wish-taken' />}

          {wish.can.claim &&
            !lost &&
            (asking === 'claim' ? (
              <ConfirmStep
                question={`认领后请在社区规定的期限内办好（一般是 14 天，认领后这里会写明到哪天），过了期限心愿会回到心愿墙。确定认领“${wish.title}”吗？`}
                yes='是，我来认领'
                busy={action.busy}
                onYes={() => {
                  askToSubscribe('wishClaim')
                  void act(() => claimWish(wish.wishId), '认领成功！下面写着怎么交给长辈。')
                }}
                onNo={() => setAsking(null)}
                testId='wish-claim-ask'
              />
            ) : (
              <Tap className='btn btn--primary btn--big' testId='wish-claim' onTap={() => setAsking('claim')}>
                认领这个心愿
              </Tap>
            ))}

          {wish.handoverDetail && <Handover wish={wish} detail={wish.handoverDetail} />}
          {wish.delivery && <Delivery delivery={wish.delivery} />}
          {wish.status === 'delivered' && wish.handoverDetail && (
            <Notice kind='info' message='您已经说办好了，等长辈那边确认；确认以后积分就到您的账上。' testId='wish-waiting-confirm' />
          )}
          {wish.status === 'realised' && <Realised wish={wish} />}

          {wish.can.deliver &&
            (delivering ? (
              <DeliverForm wish={wish} onDelivered={(next) => changed(next, '已经告诉长辈您办好了。长辈那边确认以后，积分就到账。')} onClose={() => setDelivering(false)} />
            ) : (
              <Tap className='btn btn--primary btn--big' testId='wish-deliver-open' onTap={() => setDelivering(true)}>
                我已办好
              </Tap>
            ))}
          {wish.can.release &&
            !delivering &&
            (asking === 'release' ? (
              <ConfirmStep
                question={`真的要放弃认领“${wish.title}”吗？心愿会回到心愿墙，让别的志愿者来认领。`}
                yes='是，放弃认领'
                busy={action.busy}
                onYes={() => void act(() => releaseWish(wish.wishId), '已放弃认领，心愿回到了心愿墙。')}
                onNo={() => setAsking(null)}
                testId='wish-release-ask'
              />
            ) : (
              <Tap className='btn btn--secondary' testId='wish-release' onTap={() => setAsking('release')}>
                放弃认领
              </Tap>
            ))}
          <Tap className='btn btn--secondary' testId='wish-to-mine' onTap={() => goTo(MY_WISHES_URL)}>
            我认领的心愿
          </Tap>
          <Tap className='btn btn--secondary' testId='wish-to-wall' onTap={() => goTo(WALL_URL)}>
            回心愿墙
          </Tap>
        </>
      )}
    </ElderPage>
  )
}

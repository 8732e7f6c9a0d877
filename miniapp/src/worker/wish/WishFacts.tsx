import { View } from '@tarojs/components'
import type { WishView } from '@yilin/contract'
import { AddressAgreementNote } from '../../components/AddressAgreementNote'
import { Field } from '../../components/Field'
import { Photo } from '../../components/Photo'
import { WallStatusBadge } from '../../components/WallStatusBadge'
import { claimerText, wishValueText } from '../../components/WishCard'
import { formatMonthDayTime } from '../../lib/format'
import { VoicePlayer } from '../../components/VoicePlayer'

interface Props {
  wish: WishView
  /** The elder's name on the register, when it could be read; the wall's 王奶奶 otherwise. */
  elderName: string | null
}

/** The wish at a glance: whose, what, worth how much, how it is handed over, who took it on and by when. */
export function WishFacts({ wish, elderName }: Props) {
  return (
    <View className='card' data-testid='wish-facts'>
      <View className='card__title'>{wish.title}</View>
      <WallStatusBadge status={wish.status} name={wish.statusName} testId='wish-facts-status' />
      {wish.rejectReason && <View className='hint' data-testid='wish-facts-reject-reason'>没通过的原因：{wish.rejectReason}</View>}
      <Field label='长辈' testId='wish-facts-elder'>
        {elderName ? `${elderName}（心愿墙上显示为 ${wish.elderDisplay}）` : wish.elderDisplay}
      </Field>
      {wish.voice && <VoicePlayer voice={wish.voice} label='听长辈录的心愿' testId='wish-facts-voice' />}
      <Field label='类别和价值'>
        {wish.categoryName} · {wishValueText(wish.valueFen)}
      </Field>
      <Field label='交付方式'>
        {wish.handoverName}
        <AddressAgreementNote wish={wish} forElder={false} testId='wish-facts-address-agreement' />
      </Field>
      {wish.handoverDetail && (
        <Field label='交付地点' testId='wish-facts-handover'>
          {wish.handoverDetail.place}
          {wish.handoverDetail.address ? `，${wish.handoverDetail.address}` : ''}
          {wish.handoverDetail.phone ? `，电话 ${wish.handoverDetail.phone}` : ''}
        </Field>
      )}
      <Field label='提交时间'>{formatMonthDayTime(wish.postedAt)}</Field>
      {wish.story && <Field label='心愿的故事'>{wish.story}</Field>}
      {wish.claimer && (
        <Field label='认领的志愿者' testId='wish-facts-claimer'>
          {claimerText(wish.claimer)}
          {wish.claimedAt ? `，${formatMonthDayTime(wish.claimedAt)} 认领` : ''}
        </Field>
      )}
      {wish.status === 'claimed' && wish.claimDeadline && (
        <Field label='办好期限' testId='wish-facts-deadline'>
          {formatMonthDayTime(wish.claimDeadline)} 前，过期自动放回心愿墙
        </Field>
      )}
      {wish.realisedAt && (
        <Field label='实现时间' testId='wish-facts-realised'>
          {formatMonthDayTime(wish.realisedAt)}
          {wish.points ? `，志愿者得 ${wish.points} 积分` : ''}
        </Field>
      )}
    </View>
  )
}

/** What the volunteer said and showed when delivering, and the elder's thanks. */
export function WishDelivery({ wish }: { wish: WishView }) {
  const { delivery, thanks } = wish
  if (!delivery && !thanks) return null
  return (
    <View className='card' data-testid='wish-delivery'>
      {delivery && (
        <>
          <View className='card__title'>志愿者的交付留言</View>
          <View data-testid='wish-delivery-message'>{delivery.message}</View>
          <View className='hint'>{formatMonthDayTime(delivery.at)}</View>
          {delivery.photoUrl && <Photo src={delivery.photoUrl} name={`${wish.claimer?.name ?? '志愿者'}交付时拍`} className='wish-photo' testId='wish-delivery-photo' />}
        </>
      )}
      {thanks && (
        <Field label={`${thanks.byName}的感谢（${formatMonthDayTime(thanks.at)}）`} testId='wish-thanks'>
          {thanks.message}
        </Field>
      )}
    </View>
  )
}

/** The wish as the elder's side posted it, beside what the wall shows: the elder sees the same changes. */
export function AsPosted({ wish }: { wish: WishView }) {
  const { asPosted } = wish
  if (!asPosted) return null
  return (
    <View className='card' data-testid='wish-as-posted'>
      <View className='card__title'>发布前改过的地方</View>
      <View className='hint'>长辈和家属能看到改了什么。</View>
      {asPosted.title !== wish.title && (
        <>
          <Field label='原来的标题'>{asPosted.title}</Field>
          <Field label='发布的标题'>{wish.title}</Field>
        </>
      )}
      {asPosted.story !== wish.story && (
        <>
          <Field label='原来的故事'>{asPosted.story || '（没写）'}</Field>
          <Field label='发布的故事'>{wish.story || '（没写）'}</Field>
        </>
      )}
      {asPosted.category !== wish.category && (
        <Field label='类别' testId='wish-as-posted-category'>
          {asPosted.categoryName} → {wish.categoryName}
        </Field>
      )}
      {asPosted.valueFen !== wish.valueFen && (
        <Field label='估价' testId='wish-as-posted-value'>
          {wishValueText(asPosted.valueFen)} → {wishValueText(wish.valueFen)}
        </Field>
      )}
    </View>
  )
}

import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SPOKEN_WISH_TITLE, type WishView } from '@yilin/contract'
import { getWish } from '../../api/wishes'
import { AddressAgreementNote } from '../../components/AddressAgreementNote'
import { BookingTimeline } from '../../components/BookingDetails'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { VoicePlayer } from '../../components/VoicePlayer'
import { Photo } from '../../components/Photo'
import { Tap } from '../../components/Tap'
import { WishBadge, deadlineDay, wishNextStep, wishValueText } from '../../components/WishCard'
import { formatMonthDayTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { WISHES_URL } from '../../lib/wishes'
import { useData } from '../../shared/useData'
import { ConfirmReceived, ThankForm, ThanksShown, WithdrawWish } from './WishActions'
import '../wishes/index.css'
import './index.css'

/** The state, big, and what happens next; once realised, the points the volunteer earned. */
function WishState({ wish }: { wish: WishView }) {
  return (
    <View className='card wish__state' data-testid='wish-state'>
      <WishBadge status={wish.status} testId='wish-status' />
      <View className='wish__next' data-testid='wish-next'>
        {wishNextStep(wish)}
      </View>
      {wish.status === 'realised' && wish.points ? <View data-testid='wish-points'>志愿者因此得到了 {wish.points} 积分。</View> : null}
    </View>
  )
}

/**
 * What the community changed before publishing, each with before and after: the words (to keep the elder's
 * privacy), the category, the value. A spoken wish had none of these to change: the community wrote them down
 * from the recording.
 */
function CommunityEdits({ wish }: { wish: WishView }) {
  const posted = wish.asPosted
  if (!posted) return null
  if (posted.title === SPOKEN_WISH_TITLE) return <Notice kind='info' message='社区听了您录的语音，帮您写成了上面的文字。' testId='wish-as-posted' />
  const edits = [
    {
      key: 'words',
      changed: posted.title !== wish.title || posted.story !== wish.story,
      text: `社区为了保护您的隐私，把内容改成了上面这样；您原来写的是：“${posted.title}”${posted.story ? `，“${posted.story}”` : ''}`,
    },
    { key: 'category', changed: posted.category !== wish.category, text: `社区把类别从“${posted.categoryName}”改成了“${wish.categoryName}”。` },
    { key: 'value', changed: posted.valueFen !== wish.valueFen, text: `社区把估价从“${wishValueText(posted.valueFen)}”改成了“${wishValueText(wish.valueFen)}”。` },
  ].filter((edit) => edit.changed)
  if (edits.length === 0) return null
  return (
    <View className='notice notice--info' data-testid='wish-as-posted'>
      <View className='wish__edits-title'>社区发布前改了您的心愿：</View>
      {edits.map((edit) => (
        <View key={edit.key} className='wish__edit' data-testid={`wish-as-posted-${edit.key}`}>
          {edit.text}
        </View>
      ))}
    </View>
  )
}

/** What the wish is: its words, what the community changed before publishing, its value, how it is handed over. */
function WishFacts({ wish }: { wish: WishView }) {
  const detail = wish.handoverDetail
  return (
    <View className='card' data-testid='wish-facts'>
      <View className='card__title'>心愿的内容</View>
      <Field label='心愿'>{wish.title}</Field>
      {wish.voice && <VoicePlayer voice={wish.voice} label='听您录的语音' testId='wish-voice' />}
      {wish.story && (
        <Field label='想多说的话' testId='wish-story'>
          {wish.story}
        </Field>
      )}
      <CommunityEdits wish={wish} />
      <Field label='类别'>{wish.categoryName}</Field>
      <Field label='大概花多少钱'>{wishValueText(wish.valueFen)}</Field>
      <Field label='怎么交给您' testId='wish-handover'>
        {wish.handoverName}
        {detail?.place ? `：${detail.place}` : ''}
        {detail?.address ? `（${detail.address}）` : ''}
      </Field>
      <AddressAgreementNote wish={wish} forElder={currentUser()?.role === 'elder'} testId='wish-address-agreement' />
      <Field label='许愿时间'>{formatMonthDayTime(wish.postedAt)}</Field>
    </View>
  )
}

/** Who took the wish on and by when; then what they said and showed when it was done. */
function Volunteer({ wish }: { wish: WishView }) {
  const { claimer, delivery } = wish
  if (!claimer && !delivery) return null
  return (
    <View className='card' data-testid='wish-volunteer'>
      <View className='card__title'>帮忙的志愿者</View>
      {claimer && (
        <Field label='认领的人' testId='wish-claimer'>
          {claimer.name}
          {claimer.partyMember ? ' ★党员' : ''}
        </Field>
      )}
      {wish.claimDeadline && wish.status === 'claimed' && (
        <Field label='答应办好的日子' testId='wish-deadline'>
          {deadlineDay(wish.claimDeadline)}前
        </Field>
      )}
      {delivery && (
        <>
          <Field label={`${formatMonthDayTime(delivery.at)} 志愿者说办好了`} testId='wish-delivery'>
            {delivery.message}
          </Field>
          {delivery.photoUrl && <Photo src={delivery.photoUrl} name={claimer ? `${claimer.name}送达时拍` : '送达时拍'} className='wish__photo' testId='wish-delivery-photo' />}
        </>
      )}
    </View>
  )
}

/**
 * One wish for the elder's side: its state and what happens next, who helps and what they delivered, the
 * step that is the elder's to take (确认收到了, 说声谢谢), the words, what happened when, and 撤回心愿.
 */
export default function WishPage() {
  const { params } = useRouter()
  const view = useData(async () => (params.wishId ? (await getWish(params.wishId)).wish : null), { onShow: true })
  const wish = view.data
  const [said, setSaid] = useState('')
  const changed = (message: string) => (next: WishView) => {
    view.setData(next)
    setSaid(message)
  }

  return (
    <ElderPage>
      <View className='page-title' data-testid='wish-title'>
        {wish ? wish.title : '心愿详情'}
      </View>
      {wish === null && <Notice kind='info' message='没有找到这个心愿。' testId='wish-missing' />}
      <DataStatus state={view} testId='wish' />
      {wish && (
        <>
          <WishState wish={wish} />
          {said && <Notice kind='success' message={said} testId='wish-done' />}
          <Volunteer wish={wish} />
          {wish.can.confirm && <ConfirmReceived wish={wish} onDone={changed('心愿实现了！可以对志愿者说声谢谢。')} />}
          {wish.thanks && <ThanksShown thanks={wish.thanks} />}
          {wish.can.thank && !wish.thanks && <ThankForm wish={wish} onDone={changed('谢谢的话已经送到志愿者那里了。')} />}
          <WishFacts wish={wish} />
          {wish.timeline && wish.timeline.length > 0 && <BookingTimeline entries={wish.timeline} testId='wish-timeline' />}
          {wish.can.withdraw && <WithdrawWish wish={wish} onDone={changed('心愿已撤回。')} />}
          <Tap className='btn btn--secondary' testId='wish-to-wishes' onTap={() => goTo(WISHES_URL)}>
            查看全部心愿
          </Tap>
        </>
      )}
    </ElderPage>
  )
}

import { View } from '@tarojs/components'
import { handoverNames, wishCategoryNames } from '@yilin/contract'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { wishValueText } from '../../components/WishCard'
import { addressAgreementText, handoverNotes, type WishFields } from './WishForm'

interface Props {
  wish: WishFields
  /** The elder a relative posts for; left out when the elder posts their own. */
  forName?: string
  busy: boolean
  error: string
  onYes: () => void
  onNo: () => void
}

/** What will be posted, one fact a line, then one question: 确认许愿 or back to change it. */
export function ConfirmWish({ wish, forName, busy, error, onYes, onNo }: Props) {
  return (
    <View data-testid='wish-post-confirm'>
      <View className='card' data-testid='wish-post-facts'>
        <View className='card__title'>{forName ? `替${forName}许的心愿` : '您的心愿'}</View>
        <Field label='心愿' testId='wish-post-facts-title'>
          {wish.voiceSeconds ? `一段 ${wish.voiceSeconds} 秒的语音，社区听了帮您写下来` : wish.title}
        </Field>
        {wish.story && <Field label='想多说的话'>{wish.story}</Field>}
        {!wish.voiceSeconds && (
          <>
            <Field label='类别'>{wishCategoryNames[wish.category]}</Field>
            <Field label='大概花多少钱' testId='wish-post-facts-value'>
              {wishValueText(wish.valueFen)}
            </Field>
          </>
        )}
        <Field label={forName ? `怎么交给${forName}` : '怎么交给您'} testId='wish-post-facts-handover'>
          {handoverNames[wish.handover]}
          <View className='hint'>{handoverNotes[wish.handover]}</View>
          {forName && wish.addressAgreed && <View data-testid='wish-post-facts-agreed'>✓ {addressAgreementText(forName)}</View>}
        </Field>
      </View>
      {error && <Notice kind='error' message={error} testId='wish-post-error' />}
      <ConfirmStep
        question='社区审核以后，志愿者就能看到这个心愿，来帮忙实现。确认许下吗？'
        yes='确认许愿'
        busy={busy}
        onYes={onYes}
        onNo={onNo}
        testId='wish-post-ask'
      />
    </View>
  )
}

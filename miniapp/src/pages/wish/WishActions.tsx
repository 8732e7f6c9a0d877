import { useState } from 'react'
import { View } from '@tarojs/components'
import type { WishResponse, WishView } from '@yilin/contract'
import { confirmWish, thankForWish, withdrawWish } from '../../api/wishes'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Notice } from '../../components/Notice'
import { PartyBadge } from '../../components/PartyBadge'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { formatMonthDayTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'

type Done = (wish: WishView) => void

interface AskFirstProps {
  /** The button that opens the question. */
  button: string
  primary: boolean
  question: string
  yes: string
  act: () => Promise<WishResponse>
  onDone: Done
  /** Test ids: `<testId>`, `<testId>-ask`, `<testId>-ask-yes`, `<testId>-ask-no`, `<testId>-error`. */
  testId: string
}

/** A step that cannot be taken back: one button, then the question asked once more on the page. */
function AskFirst({ button, primary, question, yes, act, onDone, testId }: AskFirstProps) {
  const [asking, setAsking] = useState(false)
  const action = useAction()
  if (!asking) {
    return (
      <Tap className={primary ? 'btn btn--primary btn--big' : 'btn btn--secondary'} testId={testId} onTap={() => setAsking(true)}>
        {button}
      </Tap>
    )
  }
  return (
    <>
      {action.error && <Notice kind='error' message={action.error} testId={`${testId}-error`} />}
      <ConfirmStep
        question={question}
        yes={yes}
        busy={action.busy}
        onYes={() => action.run(async () => onDone((await act()).wish))}
        onNo={() => setAsking(false)}
        testId={`${testId}-ask`}
      />
    </>
  )
}

/** 确认收到了: the wish is realised and the volunteer earns the points. */
export function ConfirmReceived({ wish, onDone }: { wish: WishView; onDone: Done }) {
  return (
    <AskFirst
      button='确认收到了'
      primary
      question='确认以后，心愿就算实现了，志愿者会得到积分。'
      yes='是，确认收到了'
      act={() => confirmWish(wish.wishId)}
      onDone={onDone}
      testId='wish-confirm'
    />
  )
}

/** 撤回心愿, while no volunteer has claimed it. */
export function WithdrawWish({ wish, onDone }: { wish: WishView; onDone: Done }) {
  return (
    <AskFirst
      button='撤回心愿'
      primary={false}
      question={`真的要撤回“${wish.title}”吗？撤回以后，志愿者就看不到这个心愿了。`}
      yes='是，撤回心愿'
      act={() => withdrawWish(wish.wishId)}
      onDone={onDone}
      testId='wish-withdraw'
    />
  )
}

const THANKS_MAX = 100
export const thanksPhrases = ['谢谢你，孩子！', '太感谢了，辛苦了！', '你们真是好心人，谢谢！']

/** 说声谢谢: a few ready phrases to tap, or one's own words, sent to the volunteer. */
export function ThankForm({ wish, onDone }: { wish: WishView; onDone: Done }) {
  const [message, setMessage] = useState('')
  const action = useAction()

  function send() {
    if (!message.trim()) {
      action.setError('请点一句上面的话，或者自己写几个字。')
      return
    }
    void action.run(async () => onDone((await thankForWish(wish.wishId, message.trim())).wish))
  }

  return (
    <View className='card' data-testid='wish-thank'>
      <View className='card__title'>说声谢谢</View>
      <View className='hint'>点一句，或者自己写：</View>
      <View className='choices choices--stacked'>
        {thanksPhrases.map((phrase, index) => {
          const on = phrase === message
          return (
            <Tap key={phrase} className={on ? 'choice choice--wide choice--on' : 'choice choice--wide'} testId={`wish-thank-phrase-${index}`} onTap={() => setMessage(phrase)}>
              <View className='choice__label'>
                {on ? '✓ ' : ''}
                {phrase}
              </View>
            </Tap>
          )
        })}
      </View>
      <View className='form-label'>想对志愿者说的话</View>
      <TextInput label='想对志愿者说的话' value={message} maxlength={THANKS_MAX} placeholder='例如：谢谢你，孩子！' testId='wish-thank-message' onInput={setMessage} />
      {action.error && <Notice kind='error' message={action.error} testId='wish-thank-error' />}
      <Tap className='btn btn--primary btn--big' testId='wish-thank-send' onTap={send}>
        {action.busy ? '正在送出…' : '送出感谢'}
      </Tap>
    </View>
  )
}

/** The thanks sent: to which volunteer (党员 marked, as on the wall), the words, who sent it and when. */
export function ThanksShown({ thanks }: { thanks: NonNullable<WishView['thanks']> }) {
  return (
    <View className='card' data-testid='wish-thanks'>
      <View className='card__title'>感谢的话</View>
      <View className='wish__thanks-to' data-testid='wish-thanks-to'>
        送给志愿者 {thanks.to.name}
        {thanks.to.partyMember && <PartyBadge testId='wish-thanks-party' />}
      </View>
      <View className='wish__thanks' data-testid='wish-thanks-message'>
        {thanks.message}
      </View>
      <View className='hint'>
        {thanks.byName} 写于 {formatMonthDayTime(thanks.at)}
      </View>
    </View>
  )
}

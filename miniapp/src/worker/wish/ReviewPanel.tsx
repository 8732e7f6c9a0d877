import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import { WISH_STORY_MAX, WISH_TITLE_MAX, fenOf, wishCategories, wishCategoryNames, yuanInputOf, type PublishWishInput, type WishCategory, type WishView } from '@yilin/contract'
import { publishWish, rejectWish } from '../../api/wishes'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { inputName } from '../../lib/a11y'
import { useAction } from '../../shared/useAction'

const quickReasons = ['超出心愿价值上限', '信息不全，请联系社区', '不适合由志愿者完成'] as const
const quickReasonNames = Object.fromEntries(quickReasons.map((reason) => [reason, reason])) as Record<(typeof quickReasons)[number], string>

interface Props {
  wish: WishView
  /** The wish as the server now has it, and what to tell the worker. */
  onDone: (wish: WishView, message: string) => void
}

/** Only what the worker changed: what is left out stays as the elder's side posted it. */
function publishInputOf(wish: Pick<WishView, 'title' | 'story' | 'category' | 'valueFen'>, title: string, story: string, heard: Heard): PublishWishInput {
  const input: PublishWishInput = {}
  if (title.trim() !== wish.title) input.title = title.trim()
  if (story.trim() !== wish.story) input.story = story.trim()
  if (heard.category !== wish.category) input.category = heard.category
  if (heard.valueFen !== wish.valueFen) input.valueFen = heard.valueFen
  return input
}

/** For a wish said in a voice note: its category and value as the worker heard them. */
interface Heard {
  category: WishCategory
  valueFen: number
}

/** 审核: publish to the wall, with the wording changed for privacy if need be, or turn it down with a reason. */
export function ReviewPanel({ wish, onDone }: Props) {
  const [title, setTitle] = useState(wish.title)
  const [story, setStory] = useState(wish.story)
  const [category, setCategory] = useState<WishCategory>(wish.category)
  const [valueText, setValueText] = useState(wish.valueFen > 0 ? yuanInputOf(wish.valueFen) : '')
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const { busy, error, setError, run } = useAction()

  async function send(write: () => Promise<{ wish: WishView }>, message: string) {
    setFields({})
    try {
      onDone((await write()).wish, message)
    } catch (err) {
      setFields(fieldErrorsOf(err))
      throw err
    }
  }

  function publish() {
    if (!title.trim()) return setError('心愿标题不能空着。')
    const valueFen = valueText.trim() ? fenOf(valueText) : 0
    if (valueFen === null) return setError('价值请只写数字，单位是元。')
    const input = publishInputOf(wish, title, story, { category, valueFen })
    const edited = input.title !== undefined || input.story !== undefined
    void run(() => send(() => publishWish(wish.wishId, input), edited ? '已发布到心愿墙。改过的文字，长辈和家属能看到。' : '已发布到心愿墙。'))
  }

  function reject() {
    if (!reason.trim()) return setError('请写没通过的原因，会告诉长辈。')
    void run(() => send(() => rejectWish(wish.wishId, reason.trim()), `已告诉${wish.elderDisplay}：这个心愿没通过。`))
  }

  if (rejecting) {
    return (
      <View className='card' data-testid='wish-reject'>
        <View className='card__title'>不通过</View>
        <View className='form-label'>原因（会告诉长辈），可以点一个常用的</View>
        <Choices options={quickReasons} names={quickReasonNames} value={quickReasons.find((quick) => quick === reason) ?? null} onChange={setReason} testId='wish-reject-quick' label='常用的原因' />
        <TextInput label='没通过的原因' value={reason} maxlength={60} placeholder='或者自己写' testId='wish-reject-reason' onInput={setReason} />
        <FieldError errors={fields} field='reason' testId='wish-reject-error' />
        {error && <Notice kind='error' message={error} testId='wish-review-error' />}
        <Tap className='btn btn--danger' testId='wish-reject-submit' onTap={reject}>
          {busy ? '请稍候…' : '确定不通过'}
        </Tap>
        <Tap
          className='btn btn--secondary'
          testId='wish-reject-close'
          onTap={() => {
            setError('')
            setRejecting(false)
          }}
        >
          不是，返回
        </Tap>
      </View>
    )
  }

  return (
    <View className='card' data-testid='wish-review'>
      <View className='card__title'>审核这个心愿</View>
      <View className='hint'>发布前可以改掉姓名、门牌号等隐私。心愿墙上只显示“{wish.elderDisplay}”。</View>
      {wish.voice && (
        <Notice kind='info' message='这是长辈录的语音心愿：请先听一听，把标题、类别和大概价值写成长辈说的。' testId='wish-review-voice' />
      )}
      <View className='form-label'>标题</View>
      <TextInput label='心愿标题' value={title} maxlength={WISH_TITLE_MAX} testId='wish-review-title' onInput={setTitle} />
      <FieldError errors={fields} field='title' testId='wish-review-error' />
      <View className='form-label'>心愿的故事</View>
      <Textarea
        className='input wish-story'
        value={story}
        maxlength={WISH_STORY_MAX}
        autoHeight
        {...inputName('心愿的故事')}
        data-testid='wish-review-story'
        onInput={(e) => setStory(e.detail.value)}
      />
      <FieldError errors={fields} field='story' testId='wish-review-error' />
      <Choices options={wishCategories} names={wishCategoryNames} value={category} onChange={setCategory} testId='wish-review-category' label='类别' />
      <TextInput label='大概价值（元）' type='number' value={valueText} maxlength={7} placeholder='不花钱就不用填' testId='wish-review-value' onInput={setValueText} />
      <FieldError errors={fields} field='valueFen' testId='wish-review-error' />
      {error && <Notice kind='error' message={error} testId='wish-review-error' />}
      <Tap className='btn btn--primary' testId='wish-publish' onTap={publish}>
        {busy ? '正在发布…' : '发布到心愿墙'}
      </Tap>
      <Tap
        className='btn btn--secondary'
        testId='wish-reject-open'
        onTap={() => {
          setError('')
          setRejecting(true)
        }}
      >
        不通过
      </Tap>
    </View>
  )
}

import { Textarea, View } from '@tarojs/components'
import {
  WISH_STORY_MAX,
  WISH_TITLE_MAX,
  fenOf,
  handoverNames,
  handovers,
  wishCategories,
  wishCategoryNames,
  yuan,
  type Handover,
  type WishCategory,
  type WishInput,
} from '@yilin/contract'
import type { FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { FieldError } from '../../components/FieldError'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { ToggleButton } from '../../components/ToggleButton'
import { inputName } from '../../lib/a11y'

/** What the person has filled in so far; the value is the yuan they typed. */
export interface WishDraft {
  title: string
  story: string
  category: WishCategory | null
  valueText: string
  handover: Handover
  /** Someone posting for the elder confirms she herself agreed to give the claimer her address (送到家里). */
  addressAgreed: boolean
}

/** A wish ready to send, without the key of the attempt. */
export type WishFields = Omit<WishInput, 'idempotencyKey'>

export const emptyDraft: WishDraft = { title: '', story: '', category: null, valueText: '', handover: 'centre', addressAgreed: false }

/** The form's fields as the API names them, top to bottom. */
export const formFields = ['title', 'story', 'category', 'valueFen', 'handover', 'addressAgreed'] as const

/** Where each field is on the page, to bring the first one with a problem into view. */
export const fieldAnchor = (field: string) => `wish-post-at-${field}`

export const handoverNotes: Record<Handover, string> = {
  centre: '在社区服务站交接，不用告诉志愿者家里的地址。',
  home: '志愿者认领以后，才能看到家里的地址，直接送到家。',
}

/** What a relative or a worker confirms before a wish is brought to the elder's home. */
export const addressAgreementText = (elderName: string) => `${elderName}本人同意把地址告诉认领的志愿者`

/**
 * The wish as it will be posted, or what to fix at which field. `forName`: the elder someone else posts for,
 * who must have agreed herself before her address goes to the claimer.
 */
export function checkDraft(draft: WishDraft, capFen: number, forName?: string): { wish: WishFields } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const title = draft.title.trim()
  if (!title) errors.title = '请写上您的心愿，例如：想理个发。'
  if (!draft.category) errors.category = '请点一下，选一个类别。'
  // Nothing typed: a wish that costs nothing (陪我聊天).
  const valueFen = draft.valueText.trim() ? fenOf(draft.valueText) : 0
  if (valueFen === null) errors.valueFen = '钱数请只写数字，例如 30 或 12.5（单位是元）。'
  else if (valueFen > capFen) errors.valueFen = `心愿的价值最多 ${yuan(capFen)}，请改小一点。`
  const agreedForHer = forName !== undefined && draft.handover === 'home'
  if (agreedForHer && !draft.addressAgreed) {
    errors.addressAgreed = `送到家里会把地址告诉认领的志愿者，要先问过${forName}本人：同意了请点上面这一项；不同意就选“送到社区服务站”。`
  }
  if (Object.keys(errors).length > 0 || !draft.category || valueFen === null) return { errors }
  return { wish: { title, story: draft.story.trim(), category: draft.category, valueFen, handover: draft.handover, ...(agreedForHer ? { addressAgreed: true } : {}) } }
}

/** 已写 12 个字，最多 30 个字 */
function Counter({ length, max, testId }: { length: number; max: number; testId: string }) {
  return (
    <View className='hint wish-post__counter' data-testid={testId}>
      已写 {length} 个字，最多 {max} 个字
    </View>
  )
}

interface Props {
  draft: WishDraft
  onDraft: (draft: WishDraft) => void
  errors: FieldErrors
  capFen: number
  /** The elder a relative or a worker posts for; left out when the elder posts her own. */
  forName?: string
  onNext: () => void
}

/**
 * 自己写一个: the wish in a line, its story, a category, what it may cost, and how it is handed over; someone
 * posting for the elder who chooses 送到家里 also confirms that she herself agreed to give her address.
 */
export function WishForm({ draft, onDraft, errors, capFen, forName, onNext }: Props) {
  const handoverQuestion = forName ? `怎么交给${forName}` : '怎么交给您'
  const edit = (change: Partial<WishDraft>) => onDraft({ ...draft, ...change })
  return (
    <View className='card' data-testid='wish-post-form'>
      <View className='card__title'>自己写一个</View>

      <View className='form-label' id={fieldAnchor('title')}>
        您的心愿是什么？
      </View>
      <TextInput label='您的心愿是什么' value={draft.title} maxlength={WISH_TITLE_MAX} placeholder='例如：想理个发' testId='wish-post-title' onInput={(title) => edit({ title })} />
      <Counter length={draft.title.length} max={WISH_TITLE_MAX} testId='wish-post-title-count' />
      <FieldError errors={errors} field='title' testId='wish-post-error' />

      <View className='form-label' id={fieldAnchor('story')}>
        想多说几句吗？（可以不写）
      </View>
      <Textarea
        className='input wish-post__story'
        value={draft.story}
        maxlength={WISH_STORY_MAX}
        autoHeight
        placeholder='例如：腿脚不方便，出不了门，想请人上门理发'
        {...inputName('想多说几句吗（可以不写）')}
        data-testid='wish-post-story'
        onInput={(e) => edit({ story: e.detail.value })}
      />
      <Counter length={draft.story.length} max={WISH_STORY_MAX} testId='wish-post-story-count' />
      <FieldError errors={errors} field='story' testId='wish-post-error' />

      <View className='form-label' id={fieldAnchor('category')}>
        是哪一类？
      </View>
      <Choices options={wishCategories} names={wishCategoryNames} value={draft.category} onChange={(category) => edit({ category })} testId='wish-post-category' label='心愿是哪一类' />
      <FieldError errors={errors} field='category' testId='wish-post-error' />

      <View className='form-label' id={fieldAnchor('valueFen')}>
        大概要花多少钱？（元）
      </View>
      <TextInput label='大概要花多少钱，单位元' type='number' value={draft.valueText} maxlength={7} placeholder='不花钱就不用填' testId='wish-post-value' onInput={(valueText) => edit({ valueText })} />
      <View className='hint' data-testid='wish-post-cap'>
        最多 {yuan(capFen)}
      </View>
      <FieldError errors={errors} field='valueFen' testId='wish-post-error' />

      <View className='form-label' id={fieldAnchor('handover')}>
        {handoverQuestion}？
      </View>
      <Choices options={handovers} names={handoverNames} value={draft.handover} onChange={(handover) => edit({ handover })} testId='wish-post-handover' label={handoverQuestion} />
      <View className='hint' data-testid='wish-post-handover-note'>
        {handoverNotes[draft.handover]}
      </View>
      <FieldError errors={errors} field='handover' testId='wish-post-error' />
      {forName && draft.handover === 'home' && (
        <View id={fieldAnchor('addressAgreed')}>
          <ToggleButton
            label={addressAgreementText(forName)}
            on={draft.addressAgreed}
            onChange={(addressAgreed) => edit({ addressAgreed })}
            testId='wish-post-address-agreed'
          />
          <FieldError errors={errors} field='addressAgreed' testId='wish-post-error' />
        </View>
      )}

      <Tap className='btn btn--primary btn--big' testId='wish-post-next' onTap={onNext}>
        下一步：再看一眼
      </Tap>
    </View>
  )
}

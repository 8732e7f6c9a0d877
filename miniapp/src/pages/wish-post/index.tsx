import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { wishCategoryNames, yuanInputOf, type CommonWish, type ElderWishesResponse } from '@yilin/contract'
import { ApiError, fieldErrorsOf, messageOf, type FieldErrors } from '../../api/client'
import { getElderWishes, postWish } from '../../api/wishes'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { wishValueText } from '../../components/WishCard'
import { newIdempotencyKey } from '../../lib/canteen'
import { elderIdForPage } from '../../lib/currentElder'
import { scrollToElement, scrollToTop } from '../../lib/scroll'
import { currentUser } from '../../lib/session'
import { wishUrl, workerWishUrl } from '../../lib/wishes'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { ConfirmWish } from './ConfirmWish'
import { VoiceWish } from './VoiceWish'
import { canRecord } from '../../lib/voice'
import { checkDraft, emptyDraft, fieldAnchor, formFields, WishForm, type WishDraft, type WishFields } from './WishForm'
import './index.css'
import { askToSubscribe } from '../../lib/subscribe'

type Loaded = { elderId: string; answer: ElderWishesResponse }

/** The community's common wishes as big cards: one tap fills the wish, the next step asks to confirm it. */
function CommonWishes({ wishes, onPick }: { wishes: CommonWish[]; onPick: (wish: CommonWish) => void }) {
  return (
    <View className='card' data-testid='wish-post-common'>
      <View className='card__title'>点一下就能许愿</View>
      <View className='choices choices--stacked'>
        {wishes.map((wish, index) => (
          <Tap key={`${wish.title}-${index}`} className='choice choice--wide' testId={`wish-post-common-${index}`} onTap={() => onPick(wish)}>
            <View className='choice__label'>{wish.title}</View>
            <View className='choice__note'>
              {wishCategoryNames[wish.category]} · {wishValueText(wish.valueFen)}
            </View>
          </Tap>
        ))}
      </View>
    </View>
  )
}

/**
 * Posting a wish: the community's common wishes first (one tap, then 确认许愿), or one written out; by the
 * elder, a relative, or a community worker who writes it down for the elder named in the address.
 * Each attempt at the same wish is sent with the same key, so a retry after a lost answer posts it once.
 */
export default function WishPostPage() {
  const { params } = useRouter()
  const role = currentUser()?.role
  const isElder = role === 'elder'
  const isWorker = role === 'worker'
  const [draft, setDraft] = useState<WishDraft>(emptyDraft)
  const [fields, setFields] = useState<FieldErrors>({})
  // The wish on the confirm step; null while the form is shown.
  const [confirming, setConfirming] = useState<WishFields | null>(null)
  const action = useAction()
  // Posted: the page is on its way to the wish and stays busy until it is gone.
  const [leaving, setLeaving] = useState(false)
  const posted = useRef(false)
  // The key goes with the wish's words: the same wish sent again keeps it, a changed one gets a new one.
  const attempt = useRef<{ wish: string; key: string } | null>(null)

  // Null when a family member has no bound elder, or a worker came without one named.
  const view = useData<Loaded | null>(async () => {
    const elderId = await elderIdForPage(params.elderId)
    return elderId ? { elderId, answer: await getElderWishes(elderId) } : null
  })
  const answer = view.data?.answer
  const settings = answer?.settings
  const forName = !isElder && answer ? answer.elder.name : undefined

  function keyFor(wish: WishFields): string {
    const words = JSON.stringify(wish)
    if (attempt.current?.wish !== words) attempt.current = { wish: words, key: newIdempotencyKey() }
    return attempt.current.key
  }

  function showProblems(errors: FieldErrors) {
    setFields(errors)
    setConfirming(null)
    const first = formFields.find((field) => errors[field])
    if (first) scrollToElement(`#${fieldAnchor(first)}`)
  }

  function next(nextDraft: WishDraft) {
    if (!settings) return
    const checked = checkDraft(nextDraft, settings.valueCapFen, forName)
    action.setError('')
    if ('errors' in checked) {
      showProblems(checked.errors)
      return
    }
    setFields({})
    setConfirming(checked.wish)
    scrollToTop()
  }

  function pick(common: CommonWish) {
    const picked = { ...draft, title: common.title, story: '', category: common.category, valueText: common.valueFen > 0 ? yuanInputOf(common.valueFen) : '' }
    setDraft(picked)
    next(picked)
  }

  const send = () =>
    action.run(async () => {
      // The wish's news goes to the elder's side, not to the worker who wrote it down.
      if (!isWorker) askToSubscribe('wishPost')
      const loaded = view.data
      if (posted.current || !loaded || !confirming) return
      try {
        const { wish } = await postWish(loaded.elderId, { ...confirming, idempotencyKey: keyFor(confirming) })
        posted.current = true
        setLeaving(true)
        // The wish replaces this page: back from it goes to the list (or the elder's page), not to a form already sent.
        // A worker lands on the community's page of the wish, where it waits for review as any other.
        void Taro.redirectTo({ url: isWorker ? workerWishUrl(wish.wishId) : wishUrl(wish.wishId) })
      } catch (err) {
        const errors = fieldErrorsOf(err)
        if (err instanceof ApiError && err.code === 'WISH_VALUE_TOO_HIGH') errors.valueFen ??= err.message
        if (formFields.some((field) => errors[field])) {
          showProblems(errors)
          return
        }
        const network = err instanceof ApiError && err.code === 'NETWORK'
        action.setError(network ? `${messageOf(err)}再点一次“确认许愿”就行，不会重复许愿。` : messageOf(err))
      }
    })

  return (
    <ElderPage>
      <View className='page-title' data-testid='wish-post-title-bar'>
        {forName ? `替${forName}许个心愿` : '许个心愿'}
      </View>
      {view.data === null && (
        <Notice kind='info' message={isWorker ? '请从长辈资料页点“替长辈许个心愿”进来。' : '您还没有绑定长辈。'} testId='wish-post-no-elder' />
      )}
      <DataStatus state={view} testId='wish-post-load' />
      {settings && confirming && (
        <ConfirmWish
          wish={confirming}
          forName={forName}
          busy={action.busy || leaving}
          error={action.error}
          onYes={send}
          onNo={() => {
            action.setError('')
            setConfirming(null)
          }}
        />
      )}
      {settings && !confirming && (
        <>
          {settings.commonWishes.length > 0 && <CommonWishes wishes={settings.commonWishes} onPick={pick} />}
          {canRecord() && view.data && (
            <VoiceWish
              elderId={view.data.elderId}
              onWish={(wish) => {
                setConfirming(wish)
                scrollToTop()
              }}
            />
          )}
          <WishForm draft={draft} onDraft={setDraft} errors={fields} capFen={settings.valueCapFen} forName={forName} onNext={() => next(draft)} />
        </>
      )}
    </ElderPage>
  )
}

import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { HealthConsentView } from '@yilin/contract'
import { getHealthConsent, setHealthConsent } from '../../api/consent'
import { ConfirmStep } from '../../components/ConfirmStep'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { formatDateTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'

interface Props {
  elderId: string
  /** The elder's own phone: 您; a relative's: the elder's name. */
  isElder: boolean
  elderName: string
  /** After an answer: withdrawing deletes the readings, so the chart above loads again. */
  onChanged?: () => void
}

/** The consent in words: what stands, and who answered when (本人, or the relative who did for the elder). */
function stateInWords(consent: HealthConsentView, who: string): string {
  if (!consent.changedAt) return `${who}还没有同意保存健康数据。上门时量的血压、血糖不会保存。`
  const by = consent.bySelf ? '本人' : `${consent.changedByName}代为`
  const when = formatDateTime(consent.changedAt)
  return consent.given
    ? `${who}已同意保存健康数据：${when} ${by}同意。`
    : `${who}已撤回同意：${when} ${by}撤回。上门时量的血压、血糖不再保存。`
}

/**
 * The elder's consent to health data being kept, apart from the privacy notice: the elder answers, or a bound
 * relative for them, and the card says who did. Withdrawing is as easy as giving, with one question on the page
 * first: the readings already kept are deleted with it.
 */
export function HealthConsentCard({ elderId, isElder, elderName, onChanged }: Props) {
  // Shown once the health record has loaded, after the page was first shown: it loads when it mounts, and again
  // whenever the page is shown again (a relative may have changed it meanwhile).
  const consent = useData(() => getHealthConsent(elderId), { deps: [elderId] })
  useDidShow(() => void consent.reload())
  const action = useAction()
  const [asking, setAsking] = useState(false)
  const who = isElder ? '您' : elderName

  const answer = (given: boolean) =>
    action.run(async () => {
      const next = await setHealthConsent(elderId, given)
      consent.setData(next)
      setAsking(false)
      action.setDone(given ? '已同意，以后上门量的结果会记在这里。' : '已撤回，已经记下的读数已删除，以后上门量的结果不再保存。')
      onChanged?.()
    })

  return (
    <View className='card' data-testid='health-consent'>
      <View className='card__title'>保存健康数据，需要{isElder ? '您' : '长辈'}同意</View>
      <DataStatus state={consent} testId='health-consent' />
      {consent.data && (
        <>
          <View data-testid='health-consent-state'>{stateInWords(consent.data, who)}</View>
          <View className='hint'>同意后，医生、护士上门量的结果会保存下来，{isElder ? '您和家人' : '长辈和家人'}都能看到变化。不同意也照样能约上门，只是不保存测量结果。</View>
          {!isElder && <View className='hint'>您是替{elderName}作决定，请先问过长辈；长辈的页面上会写明是您办的。</View>}
          {action.error && <Notice kind='error' message={action.error} testId='health-consent-error' />}
          {action.done && <Notice kind='success' message={action.done} testId='health-consent-done' />}
          {consent.data.given && asking ? (
            <ConfirmStep
              question={`撤回后，${isElder ? '您' : elderName}已经记下的血压、血糖等读数会全部删除，以后上门也不再保存。确定撤回吗？`}
              yes='确定撤回'
              busy={action.busy}
              testId='health-consent-withdraw-confirm'
              onYes={() => void answer(false)}
              onNo={() => setAsking(false)}
            />
          ) : consent.data.given ? (
            <Tap className='btn btn--secondary btn--big' testId='health-consent-withdraw' onTap={() => setAsking(true)}>
              撤回同意
            </Tap>
          ) : (
            <Tap className='btn btn--primary btn--big' testId='health-consent-give' onTap={() => void answer(true)}>
              {action.busy ? '正在保存…' : '同意保存健康数据'}
            </Tap>
          )}
        </>
      )}
    </View>
  )
}
